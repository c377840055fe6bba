package io.itsmhub.mappings;

import java.util.List;

import io.itsmhub.api.target.TargetPayload;
import io.itsmhub.mappings.ItemMappingException.FieldProblem;

/**
 * A dry run of a mapping for one item: the exact payload, and field by field which rule
 * produced each value.
 *
 * @param mappingVersion the version of the mapping document
 * @param payload what would be sent; {@code null} when the item cannot be mapped (see
 * {@code problems})
 * @param fields every field rule that applied, in output order
 * @param notes what else happened: records not produced, relationships not mapped
 * @param problems why the item cannot be sent, empty when it can
 */
public record MappingPreview(int mappingVersion, TargetPayload payload, List<FieldExplanation> fields,
		List<String> notes, List<FieldProblem> problems) {

	public MappingPreview {
		fields = List.copyOf(fields);
		notes = List.copyOf(notes);
		problems = List.copyOf(problems);
	}

}
