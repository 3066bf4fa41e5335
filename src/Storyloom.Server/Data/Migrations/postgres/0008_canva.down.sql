DROP TABLE IF EXISTS canva_book_templates;
DROP TABLE IF EXISTS canva_template_mappings;
DROP INDEX IF EXISTS ix_canva_auth_requests_user;
DROP TABLE IF EXISTS canva_auth_requests;
DROP TABLE IF EXISTS canva_connections;
