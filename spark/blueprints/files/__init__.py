"""Serving uploaded files to the people allowed to see them (spark/uploads.py)."""
from flask import Blueprint, abort, send_file
from flask_login import current_user

from spark.models.enums import Role
from spark.security import role_required
from spark.uploads import downloadable_upload, is_inline, path_of

bp = Blueprint("files", __name__, url_prefix="/files")

# A downloaded file must never run as a page of this site, whatever it contains.
FILE_SECURITY_POLICY = "default-src 'none'; sandbox"


@bp.before_request
@role_required(Role.STUDENT, Role.TEACHER, Role.GUARDIAN, Role.ADMIN)
def only_signed_in():
    """Files are for signed-in people only; who may see which is checked per file."""


@bp.get("/<key>")
def download(key):
    """One stored file: a download (or an inline lesson picture) for whoever may see it, else 404."""
    upload = downloadable_upload(current_user, key) or abort(404)
    path = path_of(upload.key)
    if not path.is_file():
        abort(404)
    inline = is_inline(upload)
    response = send_file(path, mimetype=upload.content_type, as_attachment=not inline,
                         download_name=upload.original_name, conditional=True, etag=upload.sha256,
                         max_age=None)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = FILE_SECURITY_POLICY
    response.headers["Cross-Origin-Resource-Policy"] = "same-origin"
    # Pupils' work is not kept by any cache; a lesson picture (immutable under its
    # random key) may be kept by this browser for a day.
    response.headers["Cache-Control"] = "private, max-age=86400" if inline else "private, no-store"
    return response
