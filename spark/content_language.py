"""Course, lesson, quiz, question and badge text in the reader's language (ARCHITECTURE.md, 9).

Translations live in `content_translations`, field by field; a field without a
translation falls back to the original.
"""
from spark.models import ContentTranslation


def translations_for(content_type: str, ids, language: str) -> dict:
    """Map each id to its translated fields in `language` (one query; empty for English)."""
    ids = [i for i in ids if i]
    if not ids or language == "en":
        return {}
    rows = (ContentTranslation
            .select(ContentTranslation.content_id, ContentTranslation.translated_content)
            .where((ContentTranslation.content_type == content_type)
                   & (ContentTranslation.language == language)
                   & ContentTranslation.content_id.in_(ids)))
    return {row.content_id: row.translated_content or {} for row in rows}


def localized(obj, field: str, translations: dict):
    """The field of a row in the reader's language, or the original when it has no translation."""
    return translations.get(obj.id, {}).get(field) or getattr(obj, field)
