/** Table shapes of similar cases and knowledge cards (conventions in tables.ts). */

/** One indexed source (resolved ticket or published card); doc_no numbers its postings. */
export type SimilarDocsTable = {
  doc_no: number;
  /** ticket | card */
  source_kind: string;
  source_id: string;
  origin_ticket_id: string | null;
  dl: number;
  /** JSON array of the terms it is indexed under (to remove exactly those postings later). */
  terms: string;
  indexed_at: string;
};

/** Postings of one term, in blocks of up to 4,096 documents (see similar/posting-codec.ts). */
export type SimilarPostingsTable = {
  term: string;
  /** Lower bound of the block's document numbers; blocks of a term never overlap. */
  block_key: number;
  n: number;
  data: Uint8Array;
};

/** Corpus statistics for BM25 and the document-number counter (one row, id 'main'). */
export type SimilarStatsTable = {
  id: string;
  next_doc_no: number;
  doc_count: number;
  total_len: number;
};

export type KnowledgeCardsTable = {
  id: string;
  ticket_id: string | null;
  /** draft | in_review | changes_requested | published | rejected */
  status: string;
  title: string;
  symptom: string;
  cause: string;
  /** JSON array of step strings. */
  steps: string;
  /** JSON array of part names. */
  parts: string;
  model: string | null;
  product_line: string | null;
  fault_type: string | null;
  cause_code: string | null;
  /** JSON array of attachment ids (photos of the source ticket). */
  photos: string;
  author_id: string;
  author_name: string;
  reviewer_id: string | null;
  reviewer_name: string | null;
  /** The reviewer's reason for the last "request changes" or "reject". */
  review_note: string | null;
  version: number;
  view_count: number;
  helped_count: number;
  created_at: string;
  updated_at: string;
  published_at: string | null;
};

/** The card's audit trail: every change with before/after values. */
export type KnowledgeCardEventsTable = {
  id: string;
  card_id: string;
  action: string;
  actor_id: string;
  actor_name: string;
  at: string;
  before: string | null;
  after: string | null;
  reason: string | null;
};

/** One use of a card: a view from a ticket or "this helped"; one per (card, ticket, user, kind). */
export type KnowledgeCardUsesTable = {
  card_id: string;
  ticket_id: string;
  user_id: string;
  /** view | helped */
  kind: string;
  at: string;
};
