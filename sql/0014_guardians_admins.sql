-- Spark schema, part 14: guardian link codes and invitations, guardians' consent, what guardians read (issue 5).
-- depends: 0010_notification_keys

-- ---------------------------------------------------------------------------
-- guardian_link_codes (new): a short code a child's teacher (or the child) hands a
-- guardian, who types it to ask to be linked. Single use, expires. Only a hash is
-- kept: whoever reads this table (a teacher, a backup) cannot use a code.
-- ---------------------------------------------------------------------------
CREATE TABLE guardian_link_codes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- sha256 (hex) of the normalised code; unique so a hash names one code.
  code_hash varchar(64) NOT NULL UNIQUE,
  student_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  -- the student's school, copied: the code is refused to a guardian of another school
  -- without the guardian ever reading the student's row.
  school_id uuid NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  used_by uuid REFERENCES users(id) ON DELETE SET NULL,
  CONSTRAINT guardian_link_codes_expiry CHECK (expires_at > created_at),
  CONSTRAINT guardian_link_codes_used CHECK ((used_at IS NULL) = (used_by IS NULL))
);
COMMENT ON TABLE guardian_link_codes IS 'Single-use, expiring codes a guardian types to ask to follow a student (hash only).';
CREATE INDEX idx_guardian_link_codes_student ON guardian_link_codes(student_id);

-- Read and written by whoever sees the student and is not a guardian: the student
-- themselves, their teachers, the school's admins, SYSTEM. A guardian never reads it:
-- they redeem a code through spark_request_guardian_link() below.
ALTER TABLE guardian_link_codes ENABLE ROW LEVEL SECURITY;
ALTER TABLE guardian_link_codes FORCE ROW LEVEL SECURITY;
CREATE POLICY guardian_link_codes_all ON guardian_link_codes FOR ALL
  USING (spark_role() IN ('STUDENT', 'TEACHER', 'ADMIN', 'SYSTEM')
         AND student_id IN (SELECT spark_visible_student_ids()))
  WITH CHECK (spark_role() IN ('STUDENT', 'TEACHER', 'ADMIN', 'SYSTEM')
              AND student_id IN (SELECT spark_visible_student_ids()));

-- ---------------------------------------------------------------------------
-- Redeeming a code. A guardian cannot read a student before the link is approved
-- (RLS), so resolving the code cannot be a plain query. This SECURITY DEFINER
-- function does the whole request at once and returns only an outcome and ids
-- (never a name): it refuses an unknown, used or expired code, a code of another
-- school (when the guardian's account belongs to a school), a guardian already
-- linked or asking, and a blocked guardian; otherwise it uses the code up and files
-- a PENDING link (a REJECTED one is replaced: a refused guardian may ask again with
-- a new code; a BLOCKED one may not). Refusals leave the code unused.
-- The row lock on the code makes two redemptions of one code at once file one link.
-- ---------------------------------------------------------------------------
CREATE FUNCTION spark_request_guardian_link(p_code_hash text, p_relationship text)
RETURNS TABLE(outcome text, link_id uuid, student_id uuid, school_id uuid)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
  v_me uuid := spark_user_id();
  v_code guardian_link_codes%ROWTYPE;
  v_my_school uuid;
  v_status link_status;
  v_link uuid;
BEGIN
  IF spark_role() IS DISTINCT FROM 'GUARDIAN' OR v_me IS NULL THEN
    RETURN QUERY SELECT 'not_guardian'::text, NULL::uuid, NULL::uuid, NULL::uuid;
    RETURN;
  END IF;
  SELECT * INTO v_code FROM guardian_link_codes c WHERE c.code_hash = p_code_hash FOR UPDATE;
  IF NOT FOUND OR NOT EXISTS (SELECT 1 FROM users u WHERE u.id = v_code.student_id
                                AND u.role = 'STUDENT' AND u.is_active) THEN
    RETURN QUERY SELECT 'unknown'::text, NULL::uuid, NULL::uuid, NULL::uuid;
    RETURN;
  END IF;
  IF v_code.used_at IS NOT NULL THEN
    RETURN QUERY SELECT 'used'::text, NULL::uuid, NULL::uuid, NULL::uuid;
    RETURN;
  END IF;
  IF v_code.expires_at <= now() THEN
    RETURN QUERY SELECT 'expired'::text, NULL::uuid, NULL::uuid, NULL::uuid;
    RETURN;
  END IF;
  SELECT u.school_id INTO v_my_school FROM users u WHERE u.id = v_me;
  IF v_my_school IS NOT NULL AND v_my_school <> v_code.school_id THEN
    RETURN QUERY SELECT 'other_school'::text, NULL::uuid, NULL::uuid, NULL::uuid;
    RETURN;
  END IF;
  SELECT g.status, g.id INTO v_status, v_link FROM guardian_links g
   WHERE g.guardian_id = v_me AND g.student_id = v_code.student_id;
  IF v_status = 'BLOCKED' THEN
    RETURN QUERY SELECT 'blocked'::text, NULL::uuid, NULL::uuid, NULL::uuid;
    RETURN;
  ELSIF v_status IN ('PENDING', 'APPROVED') THEN
    RETURN QUERY SELECT 'already'::text, v_link, NULL::uuid, NULL::uuid;
    RETURN;
  ELSIF v_status = 'REJECTED' THEN
    DELETE FROM guardian_links g WHERE g.id = v_link;
  END IF;
  -- Two codes for one child redeemed at once by one guardian: the unique key lets one in.
  INSERT INTO guardian_links (guardian_id, student_id, relationship, status)
  VALUES (v_me, v_code.student_id, left(COALESCE(NULLIF(p_relationship, ''), 'parent'), 20), 'PENDING')
  ON CONFLICT ON CONSTRAINT guardian_links_guardian_id_student_id_key DO NOTHING
  RETURNING id INTO v_link;
  IF v_link IS NULL THEN
    RETURN QUERY SELECT 'already'::text, NULL::uuid, NULL::uuid, NULL::uuid;
    RETURN;
  END IF;
  UPDATE guardian_link_codes c SET used_at = now(), used_by = v_me WHERE c.id = v_code.id;
  RETURN QUERY SELECT 'requested'::text, v_link, v_code.student_id, v_code.school_id;
END
$$;
COMMENT ON FUNCTION spark_request_guardian_link(text, text) IS
  'A guardian redeems a link code (by its hash): files a PENDING link or says why not; never reveals the student.';

-- Invitations waiting for this guardian: a school invited them, so they may see whom
-- they are asked to follow (the child's name and school), nothing more, before accepting.
CREATE FUNCTION spark_guardian_invitations()
RETURNS TABLE(link_id uuid, student_name text, school_name text, relationship text, invited_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  SELECT g.id, p.display_name::text, s.name::text, g.relationship::text, g.requested_at
    FROM guardian_links g
    JOIN users u ON u.id = g.student_id
    LEFT JOIN profiles p ON p.user_id = u.id
    LEFT JOIN schools s ON s.id = u.school_id
   WHERE spark_role() = 'GUARDIAN' AND g.guardian_id = spark_user_id()
     AND g.status = 'PENDING' AND g.approved_by IS NOT NULL
   ORDER BY g.requested_at
$$;
COMMENT ON FUNCTION spark_guardian_invitations() IS 'The invitations waiting for the acting guardian, with the child''s name and school.';

GRANT SELECT, UPDATE ON guardian_link_codes TO spark_rls_reader;
GRANT INSERT, DELETE ON guardian_links TO spark_rls_reader;
GRANT SELECT ON profiles, schools TO spark_rls_reader;
DO $$
DECLARE
  f text;
BEGIN
  FOREACH f IN ARRAY ARRAY['spark_request_guardian_link(text, text)', 'spark_guardian_invitations()'] LOOP
    EXECUTE format('ALTER FUNCTION %s OWNER TO spark_rls_reader', f);
    EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', f);
    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO spark_app, spark_owner', f);
  END LOOP;
END
$$;

-- ---------------------------------------------------------------------------
-- Invitations. A PENDING link with approved_by set is an invitation: the staff
-- member who invited gave the school's side of the approval, and the guardian's
-- answer completes it. 0005's guard kept guardians from changing a link's status at
-- all; it now lets them answer an invitation, and nothing else: PENDING -> APPROVED
-- (stamping approved_at) or PENDING -> REJECTED, people and inviter unchanged.
-- A PENDING link without approved_by is a guardian's own request: staff decide it.
-- ---------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION guardian_links_guard() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  IF spark_role() = 'GUARDIAN'
     AND (NEW.status IS DISTINCT FROM OLD.status
          OR NEW.student_id IS DISTINCT FROM OLD.student_id
          OR NEW.guardian_id IS DISTINCT FROM OLD.guardian_id
          OR NEW.approved_at IS DISTINCT FROM OLD.approved_at
          OR NEW.approved_by IS DISTINCT FROM OLD.approved_by)
     AND NOT (OLD.status = 'PENDING' AND OLD.approved_by IS NOT NULL
              AND NEW.approved_by = OLD.approved_by
              AND NEW.student_id = OLD.student_id AND NEW.guardian_id = OLD.guardian_id
              AND ((NEW.status = 'APPROVED' AND NEW.approved_at IS NOT NULL)
                   OR (NEW.status = 'REJECTED' AND NEW.approved_at IS NOT DISTINCT FROM OLD.approved_at))) THEN
    RAISE EXCEPTION 'a guardian cannot change the status or the people of a link'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;

-- A blocked guardian must not erase the block (0007 lets guardians delete their
-- own links, e.g. to withdraw a request) and then ask again.
CREATE POLICY guardian_links_keep_blocks ON guardian_links AS RESTRICTIVE FOR DELETE
  USING (NOT (spark_role() = 'GUARDIAN' AND status = 'BLOCKED'));

-- ---------------------------------------------------------------------------
-- A guardian reads the school's announcements to their approved children (0007
-- lets a user read only their own notifications; this adds exactly that one type).
-- ---------------------------------------------------------------------------
CREATE POLICY user_notifications_guardian_announcements ON user_notifications FOR SELECT
  USING (spark_role() = 'GUARDIAN' AND type = 'ANNOUNCEMENT'
         AND user_id IN (SELECT spark_visible_student_ids()));

-- ---------------------------------------------------------------------------
-- guardian_consents (new): India's DPDP Act asks for a parent's verifiable consent
-- before a child's data is processed beyond what the school needs. One row per
-- child and optional feature: the latest decision, and which approved guardian made it.
-- Features: AI_COMPANION (the AI companion), LEADERBOARD_NAME (the child's name on
-- school-wide and global leaderboards). No row, or granted = false: the feature is off.
-- ---------------------------------------------------------------------------
CREATE TABLE guardian_consents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  student_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  feature varchar(30) NOT NULL CHECK (feature IN ('AI_COMPANION', 'LEADERBOARD_NAME')),
  granted boolean NOT NULL,
  guardian_id uuid REFERENCES users(id) ON DELETE SET NULL,
  changed_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (student_id, feature)
);
COMMENT ON TABLE guardian_consents IS 'A guardian''s consent (or its withdrawal) for an optional feature, per child.';

ALTER TABLE guardian_consents ENABLE ROW LEVEL SECURITY;
ALTER TABLE guardian_consents FORCE ROW LEVEL SECURITY;
-- Read by whoever sees the child (the child, teachers, admins, approved guardians, SYSTEM).
CREATE POLICY guardian_consents_select ON guardian_consents FOR SELECT
  USING (student_id IN (SELECT spark_visible_student_ids()));
-- Given or withdrawn only by an approved guardian of the child, in their own name
-- (SYSTEM may too: a job withdrawing consents of a child who left). Never deleted:
-- withdrawing sets granted = false, so the trail stays whole.
CREATE POLICY guardian_consents_insert ON guardian_consents FOR INSERT
  WITH CHECK ((spark_role() = 'GUARDIAN' AND guardian_id = spark_user_id()
               AND student_id IN (SELECT spark_visible_student_ids()))
              OR (spark_role() = 'SYSTEM' AND student_id IN (SELECT spark_visible_student_ids())));
CREATE POLICY guardian_consents_update ON guardian_consents FOR UPDATE
  USING ((spark_role() = 'GUARDIAN' AND student_id IN (SELECT spark_visible_student_ids()))
         OR (spark_role() = 'SYSTEM' AND student_id IN (SELECT spark_visible_student_ids())))
  WITH CHECK ((spark_role() = 'GUARDIAN' AND guardian_id = spark_user_id()
               AND student_id IN (SELECT spark_visible_student_ids()))
              OR (spark_role() = 'SYSTEM' AND student_id IN (SELECT spark_visible_student_ids())));
CREATE TRIGGER trg_guardian_consents_audit AFTER INSERT OR UPDATE OR DELETE ON guardian_consents
  FOR EACH ROW EXECUTE FUNCTION audit_trigger_function();
CREATE TRIGGER trg_guardian_link_codes_audit AFTER INSERT OR UPDATE OR DELETE ON guardian_link_codes
  FOR EACH ROW EXECUTE FUNCTION audit_trigger_function();

SELECT spark_grant_app_privileges();
