"""Guilds: groups of students who take on quests together."""
from peewee import BooleanField, CharField, ForeignKeyField, IntegerField, TextField

from spark.models.base import BaseModel, DateTimeTZField, EnumField, utc_now
from spark.models.enums import GuildRole
from spark.models.schools import School, User


class Guild(BaseModel):
    """A group of students in one school, led by one of them."""
    # Unique per school, case-insensitively (index on school_id, lower(name)).
    name = CharField(max_length=100)
    description = TextField(null=True)
    leader = ForeignKeyField(User, column_name='leader_id', backref='guilds_led')
    school = ForeignKeyField(School, column_name='school_id', backref='guilds')
    max_members = IntegerField(default=10)
    # Kept equal to the number of memberships by a trigger.
    current_members = IntegerField(default=0)
    guild_level = IntegerField(default=1)
    total_xp = IntegerField(default=0)
    is_active = BooleanField(default=True)
    created_at = DateTimeTZField(default=utc_now)

    class Meta:
        table_name = 'guilds'


class GuildMembership(BaseModel):
    """A student's membership of a guild, and their standing in it."""
    guild = ForeignKeyField(
        Guild, column_name='guild_id', backref='memberships',
        on_delete='CASCADE')
    student = ForeignKeyField(
        User, column_name='student_id', backref='guild_memberships',
        on_delete='CASCADE')
    role = EnumField(GuildRole, default=GuildRole.MEMBER)
    joined_at = DateTimeTZField(default=utc_now)
    contribution_xp = IntegerField(default=0)

    class Meta:
        table_name = 'guild_memberships'


class GuildQuest(BaseModel):
    """A shared challenge a guild works towards."""
    title = CharField(max_length=200)
    description = TextField()
    guild = ForeignKeyField(
        Guild, column_name='guild_id', backref='quests', on_delete='CASCADE')
    target_value = IntegerField()
    current_value = IntegerField(default=0)
    reward_xp = IntegerField(default=0)
    starts_at = DateTimeTZField(default=utc_now)
    ends_at = DateTimeTZField(null=True)
    is_active = BooleanField(default=True)
    created_at = DateTimeTZField(default=utc_now)

    class Meta:
        table_name = 'guild_quests'
