"""Uploaded files, stored safely (issue 4, "Uploads done safely").

A file is streamed to disk in chunks under `UPLOAD_DIR` (outside `static/`) by a
random key, refused past `max_bytes` without reading the rest, and then judged
by its CONTENT as well as its name:

- the name must be a bare file name (no path) whose extension is in the list
  the caller allows, itself a subset of `SAFE_EXTENSIONS`;
- the bytes must not be empty, a program (PE, ELF, Mach-O, a `#!` script, WebAssembly…)
  or markup a browser would run (HTML, SVG, XML);
- the type the bytes show (magic numbers, through the `filetype` library, and
  for .docx/.odt the archive's table of contents) must be the type the
  extension claims: a renamed file is refused.

The stored `content_type` comes from that sniffing, never from the client. A
row in `uploads` records the file's owner and what it is attached to;
`downloadable_upload` decides who may fetch it (the files blueprint serves it).

Files whose request then fails (the transaction rolls back) stay on disk
without a row; they are unreachable (serving needs the row) and can be swept
by comparing UPLOAD_DIR with the table.
"""
import codecs
import hashlib
import os
import re
import secrets
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

import filetype
from flask import current_app
from flask_babel import lazy_gettext as _l

from spark.db import database
from spark.models import Assignment, AssignmentSubmission, GuardianLink, Lesson, SchoolClass, Upload
from spark.models.base import utc_now
from spark.models.enums import LinkStatus, Role

# Every extension any upload may ever have, with the type its content must show.
# None: no magic number (plain text), checked as UTF-8 text instead.
SAFE_EXTENSIONS = {
    "pdf": "pdf", "jpg": "jpg", "jpeg": "jpg", "png": "png", "gif": "gif", "webp": "webp",
    "txt": None, "docx": "docx", "odt": "odt",
}
# The list an assignment may choose from (issue 4): documents and photos of work.
ASSIGNMENT_EXTENSIONS = ("pdf", "jpg", "jpeg", "png", "txt", "docx", "odt")
# Pictures a lesson may show inline.
IMAGE_EXTENSIONS = frozenset({"jpg", "jpeg", "png", "gif", "webp"})

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "jpg": "image/jpeg",
    "png": "image/png",
    "gif": "image/gif",
    "webp": "image/webp",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
    None: "text/plain; charset=utf-8",
}
INLINE_TYPES = frozenset({"image/jpeg", "image/png", "image/gif", "image/webp"})

PURPOSE_SUBMISSION = "assignment_submission"
PURPOSE_LESSON_IMAGE = "lesson_image"
PURPOSES = frozenset({PURPOSE_SUBMISSION, PURPOSE_LESSON_IMAGE})

CHUNK = 64 * 1024
HEAD = 8192  # what filetype reads too
KEY_PATTERN = re.compile(r"^[A-Za-z0-9_-]{32,64}$")
NAME_MAX = 255

# Magic numbers of programs: refused whatever the name says.
_PROGRAM_MAGIC = (
    b"MZ",                                   # Windows PE / DOS
    b"\x7fELF",                              # Linux ELF
    b"\xfe\xed\xfa\xce", b"\xfe\xed\xfa\xcf",  # Mach-O 32/64, big-endian
    b"\xce\xfa\xed\xfe", b"\xcf\xfa\xed\xfe",  # Mach-O 32/64, little-endian
    b"\xca\xfe\xba\xbe",                     # Mach-O universal (also Java classes)
    b"#!",                                   # a script with an interpreter line
    b"\x00asm",                              # WebAssembly
)
_PROGRAM_KINDS = frozenset({"exe", "elf", "wasm", "swf", "crx", "deb", "rpm", "cab"})
# Markup a browser would render (and run scripts in): looked for in text content.
_MARKUP_START = re.compile(rb"^\s*<(\?xml|!doctype|html|svg|script|head|body|iframe|object|!--)", re.I)
_MARKUP_ANYWHERE = re.compile(rb"<(script|svg|html|iframe|object|embed)[\s>/]|javascript:", re.I)


class UploadRefused(Exception):
    """An upload was refused; `.message` says why, for the person who sent it."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


@dataclass
class StoredFile:
    """A file stored under UPLOAD_DIR and recorded in `uploads`."""

    key: str
    original_name: str
    content_type: str
    size: int
    sha256: str = ""


def upload_dir() -> Path:
    """Where files are stored: the app's UPLOAD_DIR (never under static/)."""
    return Path(current_app.config["UPLOAD_DIR"])


def path_of(key: str) -> Path:
    """The file on disk for a key; ValueError for anything that is not a key we make."""
    if not isinstance(key, str) or not KEY_PATTERN.match(key):
        raise ValueError("not an upload key")
    # Two-letter folders keep any one folder small.
    return upload_dir() / key[:2] / key


def too_large_message(max_bytes: int):
    """The message for a file over `max_bytes`."""
    return _l("The file is too big: the limit is %(size)s.", size=human_size(max_bytes))


def human_size(size: int) -> str:
    """Bytes as a short text (KB/MB) for messages."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB".replace(".0 ", " ")
    if size >= 1024:
        return f"{size // 1024} KB"
    return f"{size} B"


def check_file_name(filename, allowed_extensions) -> tuple[str, str]:
    """(clean name, lowercase extension) of a client's file name, or UploadRefused."""
    if not filename:
        raise UploadRefused(_l("Choose a file to upload."))
    if "/" in filename or "\\" in filename or "\x00" in filename or filename.strip(". ") == "":
        raise UploadRefused(_l("The file name must not contain a folder path (“/” or “\\”)."))
    name = unicodedata.normalize("NFC", filename)
    # Control characters would end up in a Content-Disposition header.
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip()
    if len(name) > NAME_MAX:
        raise UploadRefused(_l("The file name is too long (at most %(max)s characters).", max=NAME_MAX))
    stem, dot, extension = name.rpartition(".")
    extension = extension.lower()
    if not dot or not stem.strip():
        raise UploadRefused(_l("The file name needs an extension such as .pdf."))
    if extension not in allowed_extensions:
        raise UploadRefused(_l("Files of type .%(ext)s are not accepted here. Accepted: %(allowed)s.",
                               ext=extension, allowed=", ".join(sorted(allowed_extensions))))
    return name, extension


def sniff(head: bytes, path: Path, extension: str) -> str:
    """The content type of a stored file whose name claims `extension`, or UploadRefused.

    `head` is the file's first bytes; `path` the whole file (archives and text
    are checked throughout)."""
    if not head:
        raise UploadRefused(_l("The file is empty."))
    if head.startswith(_PROGRAM_MAGIC):
        raise UploadRefused(_l("The file is a program or a script; those cannot be uploaded."))
    kind = filetype.guess(head)
    found = kind.extension if kind else None
    if found in _PROGRAM_KINDS:
        raise UploadRefused(_l("The file is a program or a script; those cannot be uploaded."))
    if found is None and (_MARKUP_START.match(head.lstrip(codecs.BOM_UTF8)) or _MARKUP_ANYWHERE.search(head)):
        raise UploadRefused(_l("Web pages, SVG drawings and XML can carry scripts and cannot be uploaded."))
    expected = SAFE_EXTENSIONS[extension]
    if expected in ("docx", "odt") and found in ("zip", "docx", "odt"):
        found = _office_kind(path)
    if found != expected:
        raise UploadRefused(_l("The file's content is %(found)s, not .%(ext)s: was it renamed? "
                               "Upload the original file.",
                               found=_describe(found), ext=extension))
    if expected is None:
        _check_plain_text(path)
    return CONTENT_TYPES[expected]


def _describe(found):
    return str(_l("plain text or unknown data")) if found is None else "." + found


def _office_kind(path: Path):
    """'docx' or 'odt' from the archive's table of contents, else 'zip' (or None if broken)."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names and "word/vbaProject.bin" not in names:
                return "docx"
            if "mimetype" in names and "content.xml" in names:
                # The mimetype entry is tiny (a fixed string), safe to read.
                if archive.read("mimetype")[:64].strip() == b"application/vnd.oasis.opendocument.text":
                    return "odt"
            return "zip"
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        return None


def _check_plain_text(path: Path):
    """Refuse a .txt file that is not UTF-8 text (binary data, NUL bytes)."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    try:
        with open(path, "rb") as handle:
            while chunk := handle.read(CHUNK):
                if b"\x00" in chunk:
                    raise UnicodeDecodeError("utf-8", chunk, 0, 1, "NUL byte")
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise UploadRefused(_l("This .txt file is not plain text (UTF-8). Save it as text and try again.")) from None


def store_upload(file_storage, allowed_extensions, max_bytes: int, owner_id, purpose: str, *,
                 school_id=None, assignment_submission_id=None, lesson_id=None) -> StoredFile:
    """Check and store one uploaded file (a werkzeug FileStorage) for `owner_id`; record it in `uploads`.

    Raises UploadRefused with a reason before anything is kept. `school_id`
    defaults to the acting user's school (RLS requires it to match)."""
    allowed = {ext.lower() for ext in allowed_extensions}
    if not allowed or not allowed <= SAFE_EXTENSIONS.keys():
        raise ValueError(f"allowed_extensions must be a non-empty subset of {sorted(SAFE_EXTENSIONS)}")
    if purpose not in PURPOSES:
        raise ValueError(f"unknown upload purpose {purpose!r}")
    if max_bytes > current_app.config["MAX_CONTENT_LENGTH"]:
        max_bytes = current_app.config["MAX_CONTENT_LENGTH"]
    name, extension = check_file_name(getattr(file_storage, "filename", None), allowed)

    key = secrets.token_urlsafe(32)
    destination = path_of(key)
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(key + ".part")
    try:
        size, digest, head = _copy_limited(file_storage.stream, partial, max_bytes)
        content_type = sniff(head, partial, extension)
        os.replace(partial, destination)
        if school_id is None:
            school_id = database.execute_sql("SELECT spark_school_id()").fetchone()[0]
        Upload.insert(key=key, owner=owner_id, school=school_id, purpose=purpose, original_name=name,
                      content_type=content_type, size=size, sha256=digest,
                      assignment_submission=assignment_submission_id, lesson=lesson_id).execute()
    except BaseException:
        partial.unlink(missing_ok=True)
        destination.unlink(missing_ok=True)
        raise
    return StoredFile(key=key, original_name=name, content_type=content_type, size=size, sha256=digest)


def _copy_limited(stream, path: Path, max_bytes: int):
    """Copy `stream` to `path` in chunks, refusing as soon as it passes `max_bytes`."""
    digest = hashlib.sha256()
    head = bytearray()
    size = 0
    # 0600, created fresh: nobody else on the machine reads pupils' work.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        while chunk := stream.read(CHUNK):
            size += len(chunk)
            if size > max_bytes:
                raise UploadRefused(too_large_message(max_bytes))
            if len(head) < HEAD:
                head += chunk[:HEAD - len(head)]
            digest.update(chunk)
            out.write(chunk)
    return size, digest.hexdigest(), bytes(head)


def check_declared_size(content_length, max_bytes: int):
    """Refuse a request whose declared body is over `max_bytes`, before reading it."""
    if content_length is not None and content_length > max_bytes:
        raise UploadRefused(too_large_message(max_bytes))


def attach_to_submission(keys, submission_id):
    """Attach uploads (by key) to a submission; only the uploader's unattached files move."""
    if keys:
        (Upload.update(assignment_submission=submission_id)
         .where(Upload.key.in_(list(keys)) & Upload.assignment_submission.is_null())
         .execute())


def mark_replaced(keys):
    """Mark uploads as replaced (kept as history) when a resubmission drops them."""
    if keys:
        (Upload.update(replaced_at=utc_now())
         .where(Upload.key.in_(list(keys)) & Upload.replaced_at.is_null())
         .execute())


def uploads_of_submissions(submission_ids):
    """Current uploads of these submissions, as {submission_id: [Upload]} (one query)."""
    found = {}
    if not submission_ids:
        return found
    for upload in (Upload.select()
                   .where(Upload.assignment_submission.in_(list(submission_ids)) & Upload.replaced_at.is_null())
                   .order_by(Upload.created_at, Upload.original_name)):
        found.setdefault(upload.assignment_submission_id, []).append(upload)
    return found


def downloadable_upload(user, key):
    """The upload with this key if `user` may download it, else None.

    The owner; for a submission's file: the student, the class's teacher, an
    admin of the class's school, an APPROVED guardian of the student; for a
    lesson's picture: whoever may read the lesson; for a picture not yet
    attached: staff of its school. Row-level security already hides rows of
    students the user may not see; this narrows teachers to the class's own."""
    if not isinstance(key, str) or not KEY_PATTERN.match(key):
        return None
    upload = Upload.select().where(Upload.key == key).first()
    if upload is None:
        return None
    if upload.owner_id == user.id:
        return upload
    if upload.assignment_submission_id is not None:
        return upload if _may_see_submission(user, upload.assignment_submission_id) else None
    if upload.purpose == PURPOSE_LESSON_IMAGE:
        if upload.lesson_id is not None:
            return upload if Lesson.select().where(Lesson.id == upload.lesson_id).exists() else None
        if user.role in (Role.TEACHER, Role.ADMIN) and upload.school_id and upload.school_id == user.school_id:
            return upload
    return None


def _may_see_submission(user, submission_id) -> bool:
    row = (AssignmentSubmission
           .select(AssignmentSubmission.student, SchoolClass.teacher, SchoolClass.school)
           .join(Assignment)
           .join(SchoolClass)
           .where(AssignmentSubmission.id == submission_id)
           .tuples()
           .first())
    if row is None:
        return False
    student_id, teacher_id, school_id = row
    if user.role == Role.STUDENT:
        return student_id == user.id
    if user.role == Role.TEACHER:
        return teacher_id == user.id
    if user.role == Role.ADMIN:
        return user.school_id is not None and school_id == user.school_id
    if user.role == Role.GUARDIAN:
        return (GuardianLink.select()
                .where((GuardianLink.guardian == user.id) & (GuardianLink.student == student_id)
                       & (GuardianLink.status == LinkStatus.APPROVED))
                .exists())
    return False


def is_inline(upload) -> bool:
    """Lesson pictures are shown in the page; everything else is a download."""
    return upload.purpose == PURPOSE_LESSON_IMAGE and upload.content_type in INLINE_TYPES


__all__ = ["ASSIGNMENT_EXTENSIONS", "IMAGE_EXTENSIONS", "SAFE_EXTENSIONS", "StoredFile", "UploadRefused",
           "attach_to_submission", "check_declared_size", "downloadable_upload", "is_inline", "mark_replaced",
           "path_of", "store_upload", "uploads_of_submissions"]
