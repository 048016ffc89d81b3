-- The sample application's own table (the SDK's tables come from db/<module>/ in its jars).
CREATE TABLE app_purchase (
    id          UUID PRIMARY KEY,
    customer    VARCHAR(100) NOT NULL,
    order_id    UUID NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
