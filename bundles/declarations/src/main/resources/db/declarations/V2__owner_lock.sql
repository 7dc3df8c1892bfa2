-- One row per person who declares: a submission locks it first (UPDATE ... SET
-- submissions = submissions + 1), so two submissions of the same person run one after
-- the other and cannot pass a yearly cap together.
CREATE TABLE declaration_owner (
  owner_id    BIGINT NOT NULL PRIMARY KEY,
  submissions INT    NOT NULL
);
