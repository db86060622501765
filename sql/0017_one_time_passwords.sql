-- Spark schema, part 17: a password someone else chose must be replaced at first sign-in.
-- depends: 0016_narrower_user_reads

-- new: roster imports, accounts an admin creates and password resets hand over a one-time
-- password on paper or by voice; until its owner chooses their own, Spark asks for one
-- before anything else (spark/request_scope.py).
ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
COMMENT ON COLUMN users.must_change_password IS 'True while the account still has a one-time password someone else chose.';
