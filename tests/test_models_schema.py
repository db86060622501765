"""The models map the migrated schema exactly: tables, columns, types, keys, enums.

`sql/` is the truth; these tests read the live catalog of a freshly migrated
database through the `owner_conn` fixture (a psycopg2 connection) and compare
every model in `ALL_MODELS` with it.
"""
import pytest
from peewee import (
    BigIntegerField, BooleanField, CharField, DateField, DateTimeField,
    DecimalField, DoubleField, FixedCharField, FloatField, ForeignKeyField,
    IntegerField, SmallIntegerField, TextField, UUIDField,
)
from playhouse.postgres_ext import (
    ArrayField, BinaryJSONField, DateTimeTZField, JSONField,
)

from spark.models import ALL_MODELS
from spark.models.base import EnumField, InetField
from spark.models.enums import ALL_ENUMS

# Field class -> PostgreSQL type name (pg_type.typname, as udt_name shows it).
# Looked up along the field's MRO, so a subclass is matched before its base.
UDT_OF_FIELD = {
    DateTimeTZField: 'timestamptz',
    DateTimeField: 'timestamp',
    DateField: 'date',
    BinaryJSONField: 'jsonb',
    JSONField: 'json',
    InetField: 'inet',
    UUIDField: 'uuid',
    TextField: 'text',
    BooleanField: 'bool',
    SmallIntegerField: 'int2',
    BigIntegerField: 'int8',
    IntegerField: 'int4',
    FloatField: 'float4',
    DoubleField: 'float8',
}

# An ArrayField's field_type is its element's Peewee field_type.
UDT_OF_ELEMENT = {
    'TEXT': 'text', 'UUID': 'uuid', 'VARCHAR': 'varchar', 'INT': 'int4',
    'SMALLINT': 'int2', 'BIGINT': 'int8', 'BOOL': 'bool',
}

# Not part of the schema the models map.
IGNORED_TABLES = {'_yoyo_log', '_yoyo_migration', '_yoyo_version', 'yoyo_lock'}

MODEL_IDS = [model.__name__ for model in ALL_MODELS]


def model_type(field):
    """The column type a field expects, spelled as `column_type` spells it."""
    if isinstance(field, ForeignKeyField):
        return model_type(field.rel_field)
    if isinstance(field, ArrayField):
        return '%s[]' % UDT_OF_ELEMENT.get(field.field_type, field.field_type)
    if isinstance(field, EnumField):
        return field.field_type
    if isinstance(field, DecimalField):
        return 'numeric(%s,%s)' % (field.max_digits, field.decimal_places)
    if isinstance(field, FixedCharField):
        return 'bpchar(%s)' % field.max_length
    if isinstance(field, CharField):
        return 'varchar(%s)' % field.max_length
    for cls in type(field).__mro__:
        if cls in UDT_OF_FIELD:
            return UDT_OF_FIELD[cls]
    return 'unknown field class %s' % type(field).__name__


def column_type(column):
    """A column's type from information_schema, e.g. `varchar(50)`, `uuid[]`."""
    udt = column['udt_name']
    if column['data_type'] == 'ARRAY':
        return udt.lstrip('_') + '[]'
    if udt in ('varchar', 'bpchar') and column['character_maximum_length']:
        return '%s(%s)' % (udt, column['character_maximum_length'])
    if udt == 'numeric' and column['numeric_precision'] is not None:
        return 'numeric(%s,%s)' % (
            column['numeric_precision'], column['numeric_scale'])
    return udt


def fetch_dicts(conn, query, params=()):
    """Rows of a catalog query as dicts."""
    with conn.cursor() as cur:
        cur.execute(query, params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]


def live_columns(conn, table):
    """The columns of `table` in the current schema, by name."""
    rows = fetch_dicts(conn, """
        SELECT column_name, data_type, udt_name, is_nullable,
               character_maximum_length, numeric_precision, numeric_scale
          FROM information_schema.columns
         WHERE table_schema = current_schema()
           AND table_name = %s
    """, (table,))
    return {row['column_name']: row for row in rows}


def live_constraint_columns(conn, table, kind):
    """Columns of each PRIMARY KEY ('p') or FOREIGN KEY ('f') constraint on `table`.

    For a foreign key, also the referenced table and columns.
    """
    return fetch_dicts(conn, """
        SELECT c.conname,
               ARRAY(SELECT a.attname::text
                       FROM unnest(c.conkey) WITH ORDINALITY AS k(num, pos)
                       JOIN pg_attribute a
                         ON a.attrelid = c.conrelid AND a.attnum = k.num
                      ORDER BY k.pos) AS columns,
               c.confrelid::regclass::text AS ref_table,
               ARRAY(SELECT a.attname::text
                       FROM unnest(c.confkey) WITH ORDINALITY AS k(num, pos)
                       JOIN pg_attribute a
                         ON a.attrelid = c.confrelid AND a.attnum = k.num
                      ORDER BY k.pos) AS ref_columns
          FROM pg_constraint c
         WHERE c.conrelid = to_regclass(quote_ident(%s))
           AND c.contype = %s
           AND c.conparentid = 0
    """, (table, kind))


def fields_by_column(model):
    """The model's fields keyed by the column each maps."""
    return {f.column_name: f for f in model._meta.sorted_fields}


@pytest.mark.parametrize('model', ALL_MODELS, ids=MODEL_IDS)
def test_model_maps_an_existing_table(owner_conn, model):
    columns = live_columns(owner_conn, model._meta.table_name)
    assert columns, '%s: table %r does not exist' % (
        model.__name__, model._meta.table_name)


@pytest.mark.parametrize('model', ALL_MODELS, ids=MODEL_IDS)
def test_every_column_has_a_field_and_every_field_a_column(owner_conn, model):
    columns = set(live_columns(owner_conn, model._meta.table_name))
    fields = fields_by_column(model)
    problems = [
        '%s.%s: no column %r in table %r' % (
            model.__name__, fields[name].name, name, model._meta.table_name)
        for name in sorted(set(fields) - columns)
    ] + [
        '%s: column %s.%s has no field' % (
            model.__name__, model._meta.table_name, name)
        for name in sorted(columns - set(fields))
    ]
    assert not problems, '\n'.join(problems)


@pytest.mark.parametrize('model', ALL_MODELS, ids=MODEL_IDS)
def test_fields_agree_with_columns_on_type_and_nullability(owner_conn, model):
    columns = live_columns(owner_conn, model._meta.table_name)
    problems = []
    for name, field in fields_by_column(model).items():
        column = columns.get(name)
        if column is None:
            continue  # reported by the test above
        expected, actual = model_type(field), column_type(column)
        if expected != actual:
            problems.append('%s.%s: model type %s, column type %s' % (
                model.__name__, field.name, expected, actual))
        field_nullable = field.null and not field.primary_key
        column_nullable = column['is_nullable'] == 'YES'
        if field_nullable != column_nullable:
            problems.append('%s.%s: model says %s, column is %s' % (
                model.__name__, field.name,
                'null=True' if field_nullable else 'NOT NULL',
                'nullable' if column_nullable else 'NOT NULL'))
    assert not problems, '\n'.join(problems)


@pytest.mark.parametrize('model', ALL_MODELS, ids=MODEL_IDS)
def test_primary_key_matches(owner_conn, model):
    keys = live_constraint_columns(owner_conn, model._meta.table_name, 'p')
    live = [key['columns'] for key in keys]
    mapped = [f.column_name for f in model._meta.get_primary_keys()]
    assert live == [mapped], '%s: primary key %s in the model, %s in the table' % (
        model.__name__, mapped, live)


@pytest.mark.parametrize('model', ALL_MODELS, ids=MODEL_IDS)
def test_foreign_keys_match(owner_conn, model):
    # Peewee has no composite foreign keys: a ForeignKeyField maps one column
    # pair of a table's foreign key, (column -> referenced table, column).
    live = [
        (fk['ref_table'], list(zip(fk['columns'], fk['ref_columns'])))
        for fk in live_constraint_columns(owner_conn, model._meta.table_name, 'f')
    ]
    mapped = {
        (f.rel_model._meta.table_name, (f.column_name, f.rel_field.column_name))
        for f in model._meta.sorted_fields if isinstance(f, ForeignKeyField)
    }
    live_pairs = {(table, pair) for table, pairs in live for pair in pairs}
    problems = [
        '%s: ForeignKeyField on %s -> %s(%s), but the table has no such foreign key'
        % (model.__name__, pair[0], table, pair[1])
        for table, pair in sorted(mapped - live_pairs)
    ] + [
        '%s: foreign key (%s) -> %s(%s) in the table has no ForeignKeyField'
        % (model.__name__, ', '.join(c for c, _ in pairs), table,
           ', '.join(r for _, r in pairs))
        for table, pairs in live
        if not any((table, pair) in mapped for pair in pairs)
    ]
    assert not problems, '\n'.join(problems)


@pytest.mark.parametrize('enum', ALL_ENUMS, ids=[e.__name__ for e in ALL_ENUMS])
def test_enum_values_match_the_postgres_type(owner_conn, enum):
    rows = fetch_dicts(owner_conn, """
        SELECT e.enumlabel
          FROM pg_enum e
          JOIN pg_type t ON t.oid = e.enumtypid
         WHERE t.typname = %s
         ORDER BY e.enumsortorder
    """, (enum.PG_TYPE,))
    labels = tuple(row['enumlabel'] for row in rows)
    assert labels == enum.ALL, '%s: %s in Python, %s in type %s' % (
        enum.__name__, enum.ALL, labels, enum.PG_TYPE)


def test_every_table_has_a_model(owner_conn):
    rows = fetch_dicts(owner_conn, """
        SELECT c.relname
          FROM pg_class c
         WHERE c.relnamespace = current_schema()::regnamespace
           AND c.relkind IN ('r', 'p')
           AND NOT c.relispartition
    """)
    tables = {row['relname'] for row in rows} - IGNORED_TABLES
    mapped = {model._meta.table_name for model in ALL_MODELS}
    assert tables - mapped == set(), 'tables without a model: %s' % sorted(
        tables - mapped)
