CREATE TABLE templates (
    id UUID NOT NULL PRIMARY KEY,
    owner_id UUID NULL REFERENCES users (id) ON DELETE CASCADE,
    key TEXT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    description TEXT NOT NULL,
    spec_json TEXT NOT NULL DEFAULT '{}',
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX ux_templates_key ON templates (key);
CREATE INDEX ix_templates_owner ON templates (owner_id);

CREATE TABLE books (
    id UUID NOT NULL PRIMARY KEY,
    owner_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    author TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('story', 'coloring')),
    age_group TEXT NOT NULL,
    theme TEXT NOT NULL,
    educational_focus TEXT NULL,
    shape TEXT NULL,
    moral TEXT NULL,
    trim TEXT NOT NULL,
    page_count INTEGER NOT NULL,
    ink TEXT NOT NULL,
    paper TEXT NOT NULL,
    bleed BOOLEAN NOT NULL,
    seed INTEGER NOT NULL,
    art_style TEXT NULL,
    language TEXT NULL,
    status TEXT NOT NULL DEFAULT 'draft',
    template_id UUID NULL REFERENCES templates (id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_books_owner_updated ON books (owner_id, updated_at);

CREATE TABLE pages (
    id UUID NOT NULL PRIMARY KEY,
    book_id UUID NOT NULL REFERENCES books (id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    role TEXT NOT NULL,
    text TEXT NULL,
    illustration_json TEXT NULL,
    image_asset_id UUID NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX ux_pages_book_number ON pages (book_id, number);

CREATE TABLE characters (
    id UUID NOT NULL PRIMARY KEY,
    owner_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    species TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT 'hero',
    pronoun TEXT NULL,
    traits_json TEXT NOT NULL DEFAULT '[]',
    visual_description TEXT NOT NULL,
    body_color TEXT NULL,
    accent_color TEXT NULL,
    clothing TEXT NULL,
    clothing_color TEXT NULL,
    accessory TEXT NULL,
    chosen_image_asset_id UUID NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_characters_owner ON characters (owner_id, name);

CREATE TABLE book_characters (
    book_id UUID NOT NULL REFERENCES books (id) ON DELETE CASCADE,
    character_id UUID NOT NULL REFERENCES characters (id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (book_id, character_id)
);
CREATE INDEX ix_book_characters_character ON book_characters (character_id);

CREATE TABLE generation_tasks (
    id UUID NOT NULL PRIMARY KEY,
    owner_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    book_id UUID NULL REFERENCES books (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'queued',
    step TEXT NULL,
    percent INTEGER NOT NULL DEFAULT 0,
    engine TEXT NULL,
    error TEXT NULL,
    input_json TEXT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    started_at TIMESTAMPTZ NULL,
    finished_at TIMESTAMPTZ NULL
);
CREATE INDEX ix_generation_tasks_owner ON generation_tasks (owner_id, created_at);

CREATE TABLE assets (
    id UUID NOT NULL PRIMARY KEY,
    owner_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    book_id UUID NULL REFERENCES books (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    storage_path TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_assets_owner ON assets (owner_id);
CREATE INDEX ix_assets_book ON assets (book_id);
CREATE INDEX ix_assets_sha ON assets (sha256);
