package io.itsmhub.connectors.ivanti;

import io.itsmhub.api.target.FieldType;
import io.itsmhub.api.target.TargetException;
import io.itsmhub.connectors.ivanti.MetadataResource.BusinessObjectMetadata;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading a CSDL document as a tenant may serve it: several entity types, one set. */
class MetadataResourceTest {

	static final String CSDL = """
			<?xml version="1.0" encoding="utf-8"?>
			<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
			 <edmx:DataServices>
			  <Schema Namespace="Tenant" xmlns="http://docs.oasis-open.org/odata/ns/edm">
			   <EntityType Name="Employee"><Property Name="LoginID" Type="Edm.String"/></EntityType>
			   <EntityType Name="CI__Router">
			    <Key><PropertyRef Name="RecId"/></Key>
			    <Property Name="RecId" Type="Edm.String" Nullable="false" MaxLength="32"/>
			    <Property Name="Name" Type="Edm.String" Nullable="false" MaxLength="255"/>
			    <Property Name="PortCount" Type="Edm.Int32"/>
			    <Property Name="InstallDate" Type="Edm.Date"/>
			    <Property Name="Cost" Type="Edm.Double"/>
			    <NavigationProperty Name="CIAssociatesCI" Type="Collection(Tenant.CI)"/>
			    <NavigationProperty Name="CIOwnedByEmployee" Type="Tenant.Employee"/>
			   </EntityType>
			   <EntityContainer Name="C"><EntitySet Name="CI__Routers" EntityType="Tenant.CI__Router"/></EntityContainer>
			  </Schema>
			 </edmx:DataServices>
			</edmx:Edmx>
			""";

	@Test
	void theEntityTypeOfTheCollectionGivesFieldsAndRelationships() {
		BusinessObjectMetadata metadata = MetadataResource.parse("CI__Routers", CSDL);
		assertThat(metadata.entityType()).isEqualTo("CI__Router");
		assertThat(metadata.fields()).containsOnlyKeys("RecId", "Name", "PortCount", "InstallDate", "Cost");
		assertThat(metadata.fields().get("Name").required()).isTrue();
		assertThat(metadata.fields().get("Name").maxLength()).isEqualTo(255);
		assertThat(metadata.fields().get("RecId").required()).isFalse();
		assertThat(metadata.fields().get("PortCount").type()).isEqualTo(FieldType.INTEGER);
		assertThat(metadata.fields().get("InstallDate").type()).isEqualTo(FieldType.DATE);
		assertThat(metadata.fields().get("Cost").type()).isEqualTo(FieldType.DECIMAL);
		assertThat(metadata.relationships()).containsExactly("CIAssociatesCI", "CIOwnedByEmployee");
		assertThat(metadata.relationship("ciassociatesci")).isEqualTo("CIAssociatesCI");
	}

	@Test
	void aDocumentWithADoctypeIsRefused() {
		String hostile = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
				+ "<Edmx><EntityType Name=\"CI\"><Property Name=\"&e;\" Type=\"Edm.String\"/></EntityType></Edmx>";
		assertThatThrownBy(() -> MetadataResource.parse("CIs", hostile)).isInstanceOf(TargetException.class)
			.hasMessageContaining("not readable CSDL");
	}

}
