-- PostgreSQL variant of V11: its declaration_owner index is named declaration_owner_state (see V1),
-- and declaration_history_declaration stays, since no index backs a foreign key on PostgreSQL.
-- declaration_owner_state (owner_id, state, decl_year): every read of one person's declarations
-- finds them by declaration_form (owner_id, form_id, decl_year), whose first column is the same.
DROP INDEX declaration_owner_state;
