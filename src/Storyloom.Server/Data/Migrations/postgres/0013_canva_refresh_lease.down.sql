ALTER TABLE canva_connections DROP COLUMN refresh_lease_until;
