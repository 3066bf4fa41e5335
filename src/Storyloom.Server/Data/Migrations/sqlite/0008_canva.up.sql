-- Canva Connect: one connection per user (tokens encrypted with SecretBox), the pending authorize requests (state + PKCE
-- verifier), a saved field mapping per brand template, and which brand template makes a book's pages or cover.

CREATE TABLE canva_connections (
    user_id TEXT NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    canva_user_id TEXT NOT NULL,
    access_token TEXT NOT NULL,
    refresh_token TEXT NOT NULL,
    scope TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE canva_auth_requests (
    state TEXT NOT NULL PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    verifier TEXT NOT NULL,
    redirect_uri TEXT NOT NULL,
    return_to TEXT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX ix_canva_auth_requests_user ON canva_auth_requests (user_id);

CREATE TABLE canva_template_mappings (
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    brand_template_id TEXT NOT NULL,
    fields_json TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (user_id, brand_template_id)
);

CREATE TABLE canva_book_templates (
    book_id TEXT NOT NULL REFERENCES books (id) ON DELETE CASCADE,
    part TEXT NOT NULL CHECK (part IN ('pages', 'cover')),
    brand_template_id TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (book_id, part)
);
