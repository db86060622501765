"""Uploads done safely (spark/uploads.py): each attack refused with a reason, good files stored."""
import io
import zipfile

import pytest
from werkzeug.datastructures import FileStorage

from spark import uploads
from spark.db import set_acting_context
from spark.models import Upload
from spark.uploads import ASSIGNMENT_EXTENSIONS, UploadRefused, path_of, store_upload

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00" + b"\x00" * 40
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + b"\x00" * 40 + b"\xff\xd9"
TEXT = "My essay about the monsoon. बारिश अच्छी है।\n".encode()


def docx_bytes():
    """A minimal Word document, laid out as Word writes one."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("_rels/.rels", "<Relationships/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def odt_bytes():
    """A minimal OpenDocument text: the mimetype entry first and stored."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>", zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def zip_bytes():
    """A plain zip archive (not a document)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "hello")
    return buffer.getvalue()


def file(data, name):
    return FileStorage(stream=io.BytesIO(data), filename=name)


@pytest.fixture
def as_student(app, db, world):
    """A request context acting as student_a (RLS applies to the uploads row)."""
    student = world["student_a"]
    with app.test_request_context():
        set_acting_context(student.id, "STUDENT", student.school_id)
        yield student


def store(student, data, name, allowed=ASSIGNMENT_EXTENSIONS, max_bytes=1024 * 1024):
    return store_upload(file(data, name), set(allowed), max_bytes, student.id, uploads.PURPOSE_SUBMISSION)


@pytest.mark.parametrize("data, name, content_type", [
    (PDF, "essay.pdf", "application/pdf"),
    (PNG, "photo.PNG", "image/png"),
    (JPEG, "photo.jpeg", "image/jpeg"),
    (JPEG, "photo.jpg", "image/jpeg"),
    (TEXT, "essay.txt", "text/plain; charset=utf-8"),
    (docx_bytes(), "essay.docx", uploads.CONTENT_TYPES["docx"]),
    (odt_bytes(), "essay.odt", uploads.CONTENT_TYPES["odt"]),
])
def test_good_files_are_stored_outside_static_under_a_random_name(as_student, app, data, name, content_type):
    stored = store(as_student, data, name)
    assert stored.content_type == content_type
    assert stored.size == len(data) and stored.original_name == name
    path = path_of(stored.key)
    assert path.read_bytes() == data
    assert name not in str(path) and "static" not in str(path)
    assert str(path).startswith(app.config["UPLOAD_DIR"])
    row = Upload.get(Upload.key == stored.key)
    assert (row.owner_id, row.school_id, row.content_type) == (as_student.id, as_student.school_id, content_type)
    assert len(row.sha256) == 64
    assert not list(path.parent.glob("*.part"))


def refusal(student, data, name, **kwargs):
    before = Upload.select().count()
    with pytest.raises(UploadRefused) as refused:
        store(student, data, name, **kwargs)
    assert Upload.select().count() == before  # nothing half-kept
    return str(refused.value.message)


@pytest.mark.parametrize("name", ["../../etc/passwd.txt", "C:\\Users\\anil\\essay.pdf", "work/essay.pdf",
                                  "..", "/essay.pdf"])
def test_a_file_name_with_a_path_is_refused(as_student, name):
    assert "path" in refusal(as_student, PDF, name)


@pytest.mark.parametrize("data, name", [
    (b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64, "homework.pdf"),          # Windows program
    (b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 64, "essay.txt"),                # Linux program
    (b"\xcf\xfa\xed\xfe\x07\x00\x00\x01" + b"\x00" * 64, "photo.png"),       # macOS program
    (b"#!/bin/sh\nrm -rf ~\n", "notes.txt"),                                  # a script
])
def test_programs_are_refused_whatever_their_name(as_student, data, name):
    assert "program" in refusal(as_student, data, name)


@pytest.mark.parametrize("name", ["setup.exe", "run.sh", "page.html", "drawing.svg", "essay.doc"])
def test_extensions_outside_the_list_are_refused(as_student, name):
    assert "not accepted" in refusal(as_student, PDF, name)


@pytest.mark.parametrize("data", [
    b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>",
    b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    b'\xef\xbb\xbf  <?xml version="1.0"?><svg onload="alert(1)"/>',
    b"Dear teacher, see <a href=\"javascript:alert(1)\">this</a>",
])
def test_html_and_svg_are_refused_even_renamed(as_student, data):
    assert "scripts" in refusal(as_student, data, "essay.txt")


@pytest.mark.parametrize("data, name, found", [
    (PNG, "essay.pdf", ".png"),
    (PDF, "photo.jpg", ".pdf"),
    (JPEG, "photo.png", ".jpg"),
    (zip_bytes(), "essay.docx", ".zip"),
    (odt_bytes(), "essay.docx", ".odt"),
    (docx_bytes(), "essay.odt", ".docx"),
    (PDF, "essay.txt", ".pdf"),
    (TEXT, "essay.pdf", "plain text"),
])
def test_a_renamed_file_is_refused(as_student, data, name, found):
    message = refusal(as_student, data, name)
    assert "renamed" in message and found in message


def test_binary_data_named_txt_is_refused(as_student):
    assert "not plain text" in refusal(as_student, b"abc\x00\x01\x02def", "essay.txt")
    assert "not plain text" in refusal(as_student, b"caf\xe9 latin-1", "essay.txt")


def test_an_empty_file_is_refused(as_student):
    assert "empty" in refusal(as_student, b"", "essay.pdf")


def test_no_file_chosen_is_refused(as_student):
    assert "Choose a file" in refusal(as_student, PDF, "")


def test_an_oversized_file_is_refused_while_streaming(as_student, app):
    big = PDF + b"%" * 5000

    class Counting(io.BytesIO):
        read_bytes = 0

        def read(self, size=-1):
            chunk = super().read(size)
            Counting.read_bytes += len(chunk)
            return chunk

    stream = Counting(big * 100)  # ~500 KB
    with pytest.raises(UploadRefused) as refused:
        store_upload(FileStorage(stream=stream, filename="essay.pdf"), {"pdf"}, 1000, as_student.id,
                     uploads.PURPOSE_SUBMISSION)
    assert "too big" in str(refused.value.message)
    assert Counting.read_bytes <= uploads.CHUNK  # stopped at the first chunk past the limit
    assert not [p for p in __import__("pathlib").Path(app.config["UPLOAD_DIR"]).rglob("*.part")]


def test_the_declared_size_is_checked_before_reading():
    with pytest.raises(UploadRefused):
        uploads.check_declared_size(10_000, 1000)
    uploads.check_declared_size(None, 1000)  # unknown (chunked): the streaming limit applies
    uploads.check_declared_size(999, 1000)


def test_the_caller_cannot_allow_an_unsafe_type(as_student):
    with pytest.raises(ValueError):
        store(as_student, PDF, "page.html", allowed={"html"})


def test_path_of_refuses_what_is_not_a_key(app):
    with app.app_context():
        for bad in ("../secret_key", "a" * 10, "x/" + "a" * 40, ""):
            with pytest.raises(ValueError):
                path_of(bad)


def test_a_guardian_cannot_record_an_upload(app, db, world):
    guardian = world["guardian_a"]
    with app.test_request_context():
        set_acting_context(guardian.id, "GUARDIAN", None)
        from peewee import ProgrammingError
        with pytest.raises(ProgrammingError), db.atomic():
            store(guardian, PDF, "essay.pdf")


def test_lesson_images_are_served_inline_other_files_are_downloads(as_student):
    image = Upload(purpose=uploads.PURPOSE_LESSON_IMAGE, content_type="image/png")
    assert uploads.is_inline(image)
    assert not uploads.is_inline(Upload(purpose=uploads.PURPOSE_SUBMISSION, content_type="image/png"))
    assert not uploads.is_inline(Upload(purpose=uploads.PURPOSE_LESSON_IMAGE, content_type="application/pdf"))


# --- Serving a lesson picture (the authoring pages upload them) -------------------------------------------


@pytest.fixture
def lesson_picture(app, db, world):
    """teacher_a uploads a picture not yet attached to a lesson."""
    teacher = world["teacher_a"]
    with app.test_request_context():
        set_acting_context(teacher.id, "TEACHER", teacher.school_id)
        stored = store_upload(file(PNG, "leaf.png"), uploads.IMAGE_EXTENSIONS, 500_000, teacher.id,
                              uploads.PURPOSE_LESSON_IMAGE)
    set_acting_context(role="SYSTEM")
    return stored


@pytest.mark.parametrize("who, status", [("teacher_a", 200), ("teacher_a2", 200), ("admin_a", 200),
                                         ("student_a", 404), ("teacher_b", 404), ("guardian_a", 404)])
def test_an_unattached_lesson_picture_is_shown_to_its_schools_staff(client, auth, lesson_picture, who, status):
    auth.sign_in(who)
    response = client.get(f"/files/{lesson_picture.key}")
    assert response.status_code == status
    if status == 200:
        assert response.data == PNG and response.headers["Content-Type"] == "image/png"
        assert response.headers["Content-Disposition"].startswith("inline")
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Content-Security-Policy"] == "default-src 'none'; sandbox"


def test_a_lesson_picture_attached_to_a_lesson_follows_the_lesson(client, auth, world, lesson_picture):
    from tests.factories import make_course
    _, lessons, _ = make_course(world.schools["a"], world["teacher_a"], world.classes["maths_a"])
    Upload.update(lesson=lessons[0].id).where(Upload.key == lesson_picture.key).execute()
    auth.sign_in("student_a")
    assert client.get(f"/files/{lesson_picture.key}").status_code == 200
    auth.sign_out()
    auth.sign_in("teacher_b")
    assert client.get(f"/files/{lesson_picture.key}").status_code == 404
