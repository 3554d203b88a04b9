package org.involve.core.audit;

/**
 * The append-only record of decisions. There is deliberately no update or delete: in DynamoDB, the writer's
 * policy allows PutItem with a condition that the item does not exist, and nothing else.
 */
public interface AuditTrail {
    void append(AuditEntry entry);
}
