-- Builds: each one is written in one transaction, and current_build names the served one.
CREATE TABLE builds (
  id text PRIMARY KEY,
  corpus_hash text NOT NULL,
  embedder_id text NOT NULL,
  dimension integer NOT NULL CHECK (dimension > 0),
  doc_count integer NOT NULL CHECK (doc_count >= 0),
  chunk_count integer NOT NULL CHECK (chunk_count >= 0),
  build_ms integer NOT NULL CHECK (build_ms >= 0),
  -- The pgvector table holding this build's embeddings, when the server has the vector extension.
  vector_table text,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE build_documents (
  build_id text NOT NULL REFERENCES builds (id) ON DELETE CASCADE,
  position integer NOT NULL,
  doc_id text NOT NULL,
  body jsonb NOT NULL,
  PRIMARY KEY (build_id, position)
);

CREATE TABLE build_chunks (
  build_id text NOT NULL REFERENCES builds (id) ON DELETE CASCADE,
  position integer NOT NULL,
  chunk_id text NOT NULL,
  doc_id text NOT NULL,
  body jsonb NOT NULL,
  -- float32 little-endian, dimension values
  embedding bytea NOT NULL,
  PRIMARY KEY (build_id, position)
);

CREATE TABLE current_build (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  build_id text NOT NULL REFERENCES builds (id),
  made_current_at timestamptz NOT NULL DEFAULT now()
);

-- Background rebuilds, whichever replica runs them.
CREATE TABLE reindex_jobs (
  id text PRIMARY KEY,
  state text NOT NULL CHECK (state IN ('running', 'succeeded', 'failed')),
  replica text NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  previous_build_id text,
  build_id text,
  error text
);
CREATE INDEX reindex_jobs_started ON reindex_jobs (started_at);

CREATE TABLE feedback (
  id uuid PRIMARY KEY,
  created_at timestamptz NOT NULL,
  rating text NOT NULL CHECK (rating IN ('up', 'down')),
  question text NOT NULL,
  answer text NOT NULL,
  comment text,
  citations jsonb NOT NULL,
  seq bigserial NOT NULL
);
CREATE INDEX feedback_created ON feedback (created_at, seq);

-- Slack event ids and message keys already handled, until they expire.
CREATE TABLE slack_seen (
  key text PRIMARY KEY,
  expires_at timestamptz NOT NULL
);
CREATE INDEX slack_seen_expires ON slack_seen (expires_at);

-- Fixed-window rate-limit counters.
CREATE TABLE rate_limit_hits (
  key text PRIMARY KEY,
  hits integer NOT NULL,
  reset_at timestamptz NOT NULL
);
