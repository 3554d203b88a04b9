package org.involve.emulators;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An {@code AWS::DynamoDB::Table} of the template: what is needed to create it locally. */
public record TableSpec(
        String logicalId,
        Map<String, String> attributeTypes,
        List<KeyElement> keySchema,
        List<IndexSpec> globalSecondaryIndexes,
        Optional<String> timeToLiveAttribute) {

    /** One element of a key: an attribute name and HASH or RANGE. */
    public record KeyElement(String attributeName, String keyType) {}

    /** A global secondary index. */
    public record IndexSpec(
            String indexName,
            List<KeyElement> keySchema,
            String projectionType,
            List<String> nonKeyAttributes) {}
}
