"""The audit log view: who changed what, when, with filters."""
from flask import request
from flask_login import current_user

from spark import audit_log
from spark.blueprints.admins import bp
from spark.blueprints.admins.forms import AuditFilterForm
from spark.blueprints.admins.routes import my_school_id
from spark.pages import render_page


@bp.route("/audit")
def audit():
    """The school's audit trail, newest first, filtered by who, what, which records and when."""
    my_school_id()
    form = AuditFilterForm(request.args, tables=audit_log.TABLES)
    valid = form.validate() or not request.args  # an unfiltered first visit is not an error
    filters = audit_log.AuditFilters(
        who=(form.who.data or "") if not form.who.errors else "",
        action=form.action.data if not form.action.errors else "",
        table=form.table.data if not form.table.errors else "",
        since=form.since.data if not form.since.errors else None,
        until=form.until.data if not (form.until.errors or form.since.errors) else None)
    page = form.page.data if not form.page.errors and form.page.data else 1
    found = audit_log.audit_entries(filters, current_user.school.timezone, page)
    query = {key: value for key, value in request.args.items() if key != "page"}
    return render_page("admins/audit.html", form=form, found=found, query=query,
                       changed_fields=audit_log.changed_fields, status=200 if valid else 422)
