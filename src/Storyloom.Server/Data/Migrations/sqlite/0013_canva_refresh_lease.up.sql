-- A Canva refresh spends the refresh token, so only one process may refresh a connection at a time: the one that set
-- refresh_lease_until (until then, or until it saves the new tokens); the others wait for its tokens.
ALTER TABLE canva_connections ADD COLUMN refresh_lease_until TEXT NULL;
