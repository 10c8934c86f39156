-- Enables pgvector where the server offers it and this role may create it; elsewhere replicas
-- search vectors in memory.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector') THEN
    BEGIN
      CREATE EXTENSION IF NOT EXISTS vector;
    EXCEPTION WHEN insufficient_privilege THEN
      RAISE NOTICE 'pgvector is available but this role cannot create it; searching vectors in memory';
    END;
  END IF;
END
$$;
