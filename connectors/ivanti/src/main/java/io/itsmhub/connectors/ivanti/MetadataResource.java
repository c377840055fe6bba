package io.itsmhub.connectors.ivanti;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import io.itsmhub.api.target.FieldCatalog;
import io.itsmhub.api.target.FieldType;
import io.itsmhub.api.target.TargetException;
import io.itsmhub.api.target.TargetFailure;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * A business object's OData CSDL: {@code GET /api/odata/{collection}/$metadata}, read
 * with the JDK's XML parser (no DTDs, no external entities).
 */
final class MetadataResource {

	private final IvantiHttp http;

	MetadataResource(IvantiHttp http) {
		this.http = http;
	}

	// GET /api/odata/{collection}/$metadata
	BusinessObjectMetadata read(String collection) {
		return parse(collection, this.http.text(ODataParams.ODATA_ROOT + "/" + collection + ODataParams.METADATA));
	}

	/**
	 * The entity type of a collection from a CSDL document: the one an {@code EntitySet}
	 * of that name points at, else the one named like the collection without its
	 * {@code s}, else the only one.
	 */
	static BusinessObjectMetadata parse(String collection, String xml) {
		Document document;
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setExpandEntityReferences(false);
			DocumentBuilder builder = factory.newDocumentBuilder();
			document = builder.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
		}
		catch (ParserConfigurationException | SAXException | IOException ex) {
			throw new TargetException(new TargetFailure(TargetFailure.Kind.TRANSIENT,
					"the $metadata of " + collection + " is not readable CSDL: " + ex.getMessage(), null, null, null));
		}
		List<Element> types = elements(document.getDocumentElement(), "EntityType");
		String wanted = null;
		for (Element set : elements(document.getDocumentElement(), "EntitySet")) {
			if (set.getAttribute("Name").equalsIgnoreCase(collection)) {
				String type = set.getAttribute("EntityType");
				wanted = type.substring(type.lastIndexOf('.') + 1);
			}
		}
		String singular = collection.endsWith("s") ? collection.substring(0, collection.length() - 1) : collection;
		Element entity = null;
		for (Element type : types) {
			String name = type.getAttribute("Name");
			if ((wanted != null && name.equals(wanted)) || (wanted == null && name.equalsIgnoreCase(singular))) {
				entity = type;
			}
		}
		if (entity == null && types.size() == 1) {
			entity = types.get(0);
		}
		if (entity == null) {
			throw new TargetException(new TargetFailure(TargetFailure.Kind.PERMANENT,
					"the $metadata of " + collection + " has no entity type for it", null, null, null));
		}
		Map<String, FieldCatalog.Field> fields = new LinkedHashMap<>();
		for (Element property : elements(entity, "Property")) {
			String name = property.getAttribute("Name");
			String maxLength = property.getAttribute("MaxLength");
			fields.put(name,
					new FieldCatalog.Field(name, fieldType(property.getAttribute("Type")),
							maxLength.matches("\\d+") ? Integer.valueOf(maxLength) : null,
							"false".equalsIgnoreCase(property.getAttribute("Nullable"))
									&& !name.equalsIgnoreCase(ODataParams.REC_ID)));
		}
		List<String> relationships = new ArrayList<>();
		for (Element navigation : elements(entity, "NavigationProperty")) {
			relationships.add(navigation.getAttribute("Name"));
		}
		return new BusinessObjectMetadata(collection, entity.getAttribute("Name"), fields, relationships);
	}

	private static List<Element> elements(Element root, String localName) {
		List<Element> result = new ArrayList<>();
		NodeList nodes = root.getElementsByTagNameNS("*", localName);
		for (int i = 0; i < nodes.getLength(); i++) {
			result.add((Element) nodes.item(i));
		}
		return result;
	}

	static FieldType fieldType(String edmType) {
		return switch (edmType) {
			case "Edm.Int16", "Edm.Int32", "Edm.Int64", "Edm.Byte" -> FieldType.INTEGER;
			case "Edm.Decimal", "Edm.Double", "Edm.Single" -> FieldType.DECIMAL;
			case "Edm.Boolean" -> FieldType.BOOLEAN;
			case "Edm.Date" -> FieldType.DATE;
			case "Edm.DateTimeOffset", "Edm.DateTime" -> FieldType.DATETIME;
			default -> FieldType.STRING;
		};
	}

	/**
	 * What the tenant says about one business object.
	 *
	 * @param collection the collection, such as {@code CI__Servers}
	 * @param entityType the entity type name, such as {@code CI__Server}
	 * @param fields its properties by name, in document order
	 * @param relationships its navigation properties (relationship names)
	 */
	record BusinessObjectMetadata(String collection, String entityType, Map<String, FieldCatalog.Field> fields,
			List<String> relationships) {

		/** A relationship by name, ignoring case, or {@code null}. */
		String relationship(String name) {
			return this.relationships.stream().filter((r) -> r.equalsIgnoreCase(name)).findFirst().orElse(null);
		}

		/**
		 * Whether a field is one the hub writes: not the key, a system stamp or a
		 * pick-list id.
		 */
		static boolean writable(String field) {
			return !field.equalsIgnoreCase(ODataParams.REC_ID) && !field.endsWith("_Valid")
					&& !field.equals("CreatedDateTime") && !field.equals("LastModDateTime")
					&& !field.equals("CreatedBy") && !field.equals("LastModBy");
		}

	}

}
