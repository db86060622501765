"""Views of the teacher's pages: classes, rosters, roster import, the courses a class follows, insight."""
import uuid

from flask import abort, flash, redirect, request, url_for
from flask_babel import format_date, gettext as _
from flask_login import current_user

from spark import classes, insight, rosters
from spark.accounts import utcnow
from spark.blueprints.teachers import bp
from spark.blueprints.teachers.forms import ClassForm, EnrollmentStatusForm, RosterConfirmForm, RosterUploadForm
from spark.charts import bar_chart
from spark.classes import ClassRefused, classes_taught_with_rosters, rosters_of
from spark.labels import ENROLLMENT_STATUS_NAMES
from spark.pages import render_page, wants_fragment


def _managed_class(class_id):
    """The class if the signed-in teacher runs it; 404 for any other (another teacher's, another school's)."""
    return classes.class_to_manage(current_user, class_id) or abort(404)


def _uuid_or_404(value):
    """A uuid sent in a form field; anything else is a missing object."""
    try:
        return uuid.UUID(str(value))
    except ValueError:
        abort(404)


def _see_other(endpoint, **values):
    """Redirect after a POST so a reload does not send the form again."""
    return redirect(url_for(endpoint, **values), 303)


@bp.route("/")
def home():
    """The teacher's classes, each with its roster."""
    return render_page("teachers/home.html", classes=classes_taught_with_rosters(current_user.id))


# --- Classes -----------------------------------------------------------------------------------


@bp.route("/classes/new", methods=["GET", "POST"])
def new_class():
    """Create a class the teacher will run."""
    form = ClassForm()
    if form.validate_on_submit():
        school_class = classes.create_class(current_user, **_class_fields(form))
        flash(_("Class “%(name)s” created. Add its students next.", name=school_class.name), "success")
        return _see_other("teachers.class_roster", class_id=school_class.id)
    return render_page("teachers/class_form.html", form=form, school_class=None,
                       status=422 if form.errors else 200)


@bp.route("/classes/<uuid:class_id>/edit", methods=["GET", "POST"])
def edit_class(class_id):
    """Change a class's name, subject, grade, section, year or size limit."""
    school_class = _managed_class(class_id)
    form = ClassForm(obj=school_class)
    if form.validate_on_submit():
        try:
            classes.update_class(school_class, **_class_fields(form))
        except ClassRefused as refused:
            form.max_students.errors.append(refused.message)
        else:
            flash(_("Class details saved."), "success")
            return _see_other("teachers.class_roster", class_id=school_class.id)
    return render_page("teachers/class_form.html", form=form, school_class=school_class,
                       status=422 if form.errors else 200)


def _class_fields(form):
    return {"name": form.name.data, "subject": form.subject.data, "grade": form.grade.data,
            "section": form.section.data, "academic_year": form.academic_year.data,
            "max_students": form.max_students.data}


@bp.route("/classes/<uuid:class_id>/archive", methods=["POST"])
def archive_class(class_id):
    """Archive a class (it keeps its roster and history) or bring it back."""
    school_class = _managed_class(class_id)
    active = request.form.get("active") == "1"
    classes.set_class_active(school_class, active)
    flash(_("Class brought back.") if active else _("Class archived."), "success")
    return _see_other("teachers.class_roster", class_id=school_class.id)


# --- Roster ------------------------------------------------------------------------------------


@bp.route("/classes/<uuid:class_id>")
def class_roster(class_id):
    """One class's roster: each student's status (changeable in place), level, XP and streak."""
    return _roster_page(_managed_class(class_id))


def _roster_page(school_class, row_errors=None, status=200):
    roster = rosters_of([school_class.id]).get(school_class.id, [])
    active = sum(1 for enrollment in roster if enrollment.status == "ACTIVE")
    return render_page("teachers/class_roster.html", school_class=school_class, roster=roster,
                       active_count=active, row_errors=row_errors or {}, status=status)


@bp.route("/classes/<uuid:class_id>/enrollments/<uuid:enrollment_id>/status", methods=["POST"])
def change_enrollment_status(class_id, enrollment_id):
    """Set one student's status in the class; htmx swaps just their row."""
    school_class = _managed_class(class_id)
    enrollment = classes.enrollment_in_class(school_class, enrollment_id) or abort(404)
    form = EnrollmentStatusForm()
    error = None
    if form.validate_on_submit():
        try:
            classes.set_enrollment_status(school_class, enrollment, form.status.data)
        except ClassRefused as refused:
            error = refused.message
    else:
        error = _("Choose one of the statuses offered.")
    if wants_fragment():
        return render_page("teachers/class_roster.html", block="enrollment_row", school_class=school_class,
                           enrollment=enrollment, row_errors={enrollment.id: error} if error else {},
                           saved=error is None, status=422 if error else 200)
    if error:
        return _roster_page(school_class, row_errors={enrollment.id: error}, status=422)
    flash(_("%(name)s is now “%(status)s”.", name=enrollment.student.profile.display_name,
            status=ENROLLMENT_STATUS_NAMES[enrollment.status]), "success")
    return _see_other("teachers.class_roster", class_id=school_class.id)


@bp.route("/classes/<uuid:class_id>/students/add")
def add_students(class_id):
    """Find students of the school by name or username to add them; htmx swaps only the results."""
    school_class = _managed_class(class_id)
    query = request.args.get("q", "")[:100]
    found = classes.search_school_students(query)
    return render_page("teachers/class_add_students.html", block="results" if wants_fragment() else "content",
                       school_class=school_class, query=query, found=found,
                       statuses=classes.enrollment_statuses(school_class, [m.id for m in found]),
                       too_short=0 < len(query.strip()) < classes.MIN_SEARCH_LENGTH)


@bp.route("/classes/<uuid:class_id>/students/add", methods=["POST"])
def enroll_student(class_id):
    """Add one student of the school to the class (a dropped student comes back)."""
    school_class = _managed_class(class_id)
    student_id = _uuid_or_404(request.form.get("student_id"))
    query = request.form.get("q", "")[:100]
    try:
        classes.enroll_student(school_class, student_id)
    except ClassRefused as refused:
        flash(refused.message, "error")
    else:
        flash(_("Student added to the class."), "success")
    return _see_other("teachers.add_students", class_id=school_class.id, q=query)


# --- Roster import and login cards -------------------------------------------------------------


@bp.route("/classes/<uuid:class_id>/import", methods=["GET", "POST"])
def import_roster(class_id):
    """Upload a roster CSV and see every row checked; nothing is created on this step."""
    school_class = _managed_class(class_id)
    form = RosterUploadForm()
    plan, problem, content = None, None, ""
    if form.validate_on_submit():
        upload = request.files.get("roster")
        data = upload.stream.read(rosters.MAX_BYTES + 1) if upload else b""
        try:
            rows = rosters.read_roster(data)
        except rosters.RosterRefused as refused:
            problem = refused.message
        else:
            plan = rosters.check_roster(school_class, rows)
            content = data.decode("utf-8-sig")
    elif request.method == "POST":
        problem = _("The form expired. Please choose the file again.")
    status = 422 if problem or (plan and not plan.ok) else 200
    return render_page("teachers/roster_import.html", school_class=school_class, form=form, plan=plan,
                       problem=problem, confirm=RosterConfirmForm(content=content), status=status)


@bp.route("/classes/<uuid:class_id>/import/confirm", methods=["POST"])
def confirm_roster_import(class_id):
    """Create the checked roster's accounts and show their login cards, once."""
    school_class = _managed_class(class_id)
    form = RosterConfirmForm()
    plan, problem = None, None
    if form.validate_on_submit():
        try:
            rows = rosters.read_roster(form.content.data.encode("utf-8"))
            cards = rosters.import_roster(school_class, rows, current_user.id)
        except rosters.RosterRefused as refused:
            problem, plan = refused.message, getattr(refused, "plan", None)
        else:
            # The passwords live only in this response: never stored, never sent again.
            return render_page("teachers/login_cards.html", school_class=school_class, cards=cards,
                               sign_in_url=url_for("auth.sign_in", _external=True))
    else:
        problem = _("The form expired. Please choose the file again.")
    return render_page("teachers/roster_import.html", school_class=school_class, form=RosterUploadForm(),
                       plan=plan, problem=problem, confirm=form, status=422)


# --- Courses the class follows ----------------------------------------------------------------


@bp.route("/classes/<uuid:class_id>/courses")
def class_courses(class_id):
    """The courses the class follows, and the published ones it could follow."""
    school_class = _managed_class(class_id)
    return render_page("teachers/class_courses.html", school_class=school_class,
                       linked=classes.courses_of_class(school_class),
                       available=classes.courses_to_link(school_class))


@bp.route("/classes/<uuid:class_id>/courses", methods=["POST"])
def link_course(class_id):
    """Make the class follow a course."""
    school_class = _managed_class(class_id)
    try:
        course = classes.link_course(school_class, _uuid_or_404(request.form.get("course_id")), current_user.id)
    except ClassRefused as refused:
        flash(refused.message, "error")
    else:
        flash(_("The class now follows “%(title)s”.", title=course.title), "success")
    return _see_other("teachers.class_courses", class_id=school_class.id)


@bp.route("/classes/<uuid:class_id>/courses/<uuid:course_id>/remove", methods=["POST"])
def unlink_course(class_id, course_id):
    """Stop the class following a course; its students keep what they did."""
    school_class = _managed_class(class_id)
    if classes.unlink_course(school_class, course_id):
        flash(_("The class no longer follows that course."), "success")
    return _see_other("teachers.class_courses", class_id=school_class.id)


# --- Insight -----------------------------------------------------------------------------------


@bp.route("/classes/<uuid:class_id>/insight")
def class_insight(class_id):
    """Who is where, who needs help, the hardest questions, and two pictures."""
    school_class = _managed_class(class_id)
    quiz_id = request.args.get("quiz")
    if quiz_id is not None:
        quiz_id = _uuid_or_404(quiz_id)
    found = insight.class_insight(school_class, utcnow(), quiz_id)
    if quiz_id is not None and found.quiz is None:
        abort(404)
    return render_page("teachers/insight.html", block="hardest" if wants_fragment() else "content",
                       school_class=school_class, insight=found, rule=insight,
                       progress_chart=_progress_chart(found), scores_chart=_scores_chart(found))


def _progress_chart(found):
    bars = [(format_date(monday, "d MMM"), count) for monday, count in found.weeks]
    words = "; ".join(_("week of %(day)s: %(num)d", day=label, num=count) for label, count in bars)
    return bar_chart(bars, chart_id="progress-chart", title=_("Lessons completed per week"),
                     description=_("Lessons completed by the class each week: %(weeks)s.", weeks=words))


def _scores_chart(found):
    labels = [f"{low}–{low + 9}" if low < 90 else "90–100" for low in range(0, 100, 10)]
    bars = [(label.split("–")[0], count) for label, count in zip(labels, found.score_bins)]
    words = "; ".join(_("%(range)s: %(num)d", range=label, num=count)
                      for label, count in zip(labels, found.score_bins))
    return bar_chart(bars, chart_id="scores-chart", title=_("Quiz scores"),
                     description=_("Graded quiz attempts by score, in steps of 10 points: %(bins)s.", bins=words))
