package io.itsmhub.reconciliation.item;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.itsmhub.api.model.CiClass;
import io.itsmhub.api.model.DiscoveredItem;
import io.itsmhub.api.model.IdentifierType;
import io.itsmhub.api.model.Identifiers;
import io.itsmhub.api.model.LifecycleStatus;
import io.itsmhub.api.model.Money;
import io.itsmhub.api.model.Relationship;
import io.itsmhub.api.model.RelationshipType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.entry;

class ItemViewsTest {

	private static final Instant CREATED = Instant.parse("2026-11-01T00:00:00Z");

	private static final Instant UPDATED = Instant.parse("2026-11-29T06:00:00Z");

	@Test
	void theHubsViewCarriesWhatEverySourceContributed() {
		ItemState item = new ItemState("item-1", CREATED, UPDATED, 3);
		item.fields().put(ItemState.NAME, new FieldValue("db-prod-01", "agent", UPDATED));
		item.fields().put(ItemState.CI_CLASS, new FieldValue(CiClass.SERVER, "agent", UPDATED));
		item.fields().put("attributes.os", new FieldValue("Ubuntu", "agent", UPDATED));
		item.fields().put("facts.owner", new FieldValue("jane.doe@example.com", "itam", UPDATED));
		item.fields()
			.put("facts.purchase_cost", new FieldValue(new Money(new BigDecimal("4200.00"), "EUR"), "itam", UPDATED));
		item.fields().put("facts.purchase_date", new FieldValue(LocalDate.of(2024, 3, 1), "itam", UPDATED));
		item.fields().put("facts.lifecycle_status", new FieldValue(LifecycleStatus.IN_USE, "itam", UPDATED));
		item.identifiers().put(IdentifierType.SERIAL_NUMBER, Set.of("CZ3420ABCD"));
		item.identifiers()
			.put(IdentifierType.MAC_ADDRESS, new LinkedHashSet<>(List.of("00:1a:2b:3c:4d:5e", "00:1a:2b:3c:4d:5f")));
		Identifiers san = Identifiers.of(IdentifierType.HOSTNAME, "san-01");
		item.relationships().put("agent", List.of(new StoredRelationship("agent", RelationshipType.DEPENDS_ON, san)));
		item.relationships().put("cloud", List.of(new StoredRelationship("cloud", RelationshipType.DEPENDS_ON, san)));

		DiscoveredItem view = ItemViews.toDiscoveredItem(item);

		assertThat(view.source()).isEqualTo("hub");
		assertThat(view.sourceKey()).isEqualTo("item-1");
		assertThat(view.ciClass()).isEqualTo(CiClass.SERVER);
		assertThat(view.name()).isEqualTo("db-prod-01");
		assertThat(view.attributes()).containsExactly(entry("os", "Ubuntu"));
		assertThat(view.facts().owner()).isEqualTo("jane.doe@example.com");
		assertThat(view.facts().purchaseCost()).isEqualTo(new Money(new BigDecimal("4200"), "EUR"));
		assertThat(view.facts().purchaseDate()).isEqualTo(LocalDate.of(2024, 3, 1));
		assertThat(view.facts().lifecycleStatus()).isEqualTo(LifecycleStatus.IN_USE);
		assertThat(view.identifiers().first(IdentifierType.SERIAL_NUMBER)).isEqualTo("CZ3420ABCD");
		assertThat(view.identifiers().get(IdentifierType.MAC_ADDRESS)).containsExactly("00:1a:2b:3c:4d:5e",
				"00:1a:2b:3c:4d:5f");
		// two sources saying the same relationship send it once
		assertThat(view.relationships()).containsExactly(new Relationship(RelationshipType.DEPENDS_ON, san));
		assertThat(view.observedAt()).isEqualTo(UPDATED);
	}

	@Test
	void anItemWithoutAClassCannotBeViewed() {
		assertThatIllegalStateException()
			.isThrownBy(() -> ItemViews.toDiscoveredItem(new ItemState("item-2", CREATED, UPDATED, 1)))
			.withMessageContaining("item-2");
	}

}
