-- The AI engines (issue 6): which engines a book uses and what it may spend, what each task used, and each user's provider.
ALTER TABLE books ADD COLUMN text_engine TEXT NOT NULL DEFAULT 'offline';
ALTER TABLE books ADD COLUMN art_engine TEXT NOT NULL DEFAULT 'offline';
ALTER TABLE books ADD COLUMN budget_usd NUMERIC(12, 4) NULL;

ALTER TABLE generation_tasks ADD COLUMN input_tokens BIGINT NOT NULL DEFAULT 0;
ALTER TABLE generation_tasks ADD COLUMN output_tokens BIGINT NOT NULL DEFAULT 0;
ALTER TABLE generation_tasks ADD COLUMN images INTEGER NOT NULL DEFAULT 0;
ALTER TABLE generation_tasks ADD COLUMN paid_calls INTEGER NOT NULL DEFAULT 0;
ALTER TABLE generation_tasks ADD COLUMN cached_answers INTEGER NOT NULL DEFAULT 0;
ALTER TABLE generation_tasks ADD COLUMN cost_usd NUMERIC(14, 6) NOT NULL DEFAULT 0;

CREATE TABLE ai_settings (
    user_id UUID NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    api_key_protected TEXT NULL,
    api_key_last4 TEXT NULL,
    base_url TEXT NULL,
    text_model TEXT NULL,
    image_model TEXT NULL,
    moderation_model TEXT NULL,
    monthly_budget_usd NUMERIC(12, 4) NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
