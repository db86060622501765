"""What students earn: the reward ledger, badges, achievements and leaderboards."""
from peewee import (
    BooleanField, CharField, ForeignKeyField, IntegerField, TextField,
    UUIDField,
)

from spark.models.base import (
    BaseModel, BinaryJSONField, DateTimeTZField, EnumField, utc_now,
)
from spark.models.enums import (
    AchievementType, BadgeCategory, BadgeRarity, LeaderboardScope,
    LeaderboardTimeframe, RewardCurrency,
)
from spark.models.schools import School, User


class RewardLedger(BaseModel):
    """One grant or deduction of XP, crystals or sparks for a student."""
    student = ForeignKeyField(
        User, column_name='student_id', backref='reward_entries',
        on_delete='CASCADE')
    currency = EnumField(RewardCurrency)
    amount = IntegerField()
    reason = CharField(max_length=50)
    source_type = CharField(max_length=50, null=True)
    source_id = UUIDField(null=True)
    idempotency_key = CharField(max_length=200)
    description = TextField(null=True)
    metadata = BinaryJSONField(null=True)
    occurred_at = DateTimeTZField(default=utc_now)
    created_at = DateTimeTZField(default=utc_now)
    created_by = ForeignKeyField(
        User, column_name='created_by', backref='reward_entries_created',
        null=True, on_delete='SET NULL')

    class Meta:
        table_name = 'reward_ledger'


class Badge(BaseModel):
    """A badge students can earn, platform-wide or for one school."""
    name = CharField(max_length=100)
    description = TextField()
    icon_url = CharField(max_length=500, null=True)
    category = EnumField(BadgeCategory)
    rarity = EnumField(BadgeRarity, default=BadgeRarity.COMMON)
    criteria = BinaryJSONField()
    xp_reward = IntegerField(default=0)
    crystal_reward = IntegerField(default=0)
    spark_reward = IntegerField(default=0)
    is_active = BooleanField(default=True)
    school = ForeignKeyField(
        School, column_name='school_id', backref='badges', null=True)
    created_at = DateTimeTZField(default=utc_now)

    class Meta:
        table_name = 'badges'


class EarnedBadge(BaseModel):
    """A badge a user has earned."""
    user = ForeignKeyField(
        User, column_name='user_id', backref='earned_badges',
        on_delete='CASCADE')
    badge = ForeignKeyField(
        Badge, column_name='badge_id', backref='awards', on_delete='CASCADE')
    earned_at = DateTimeTZField(default=utc_now)
    progress_data = BinaryJSONField(null=True)

    class Meta:
        table_name = 'earned_badges'


class Achievement(BaseModel):
    """A milestone a student reached, such as a level-up or a streak."""
    student = ForeignKeyField(
        User, column_name='student_id', backref='achievements',
        on_delete='CASCADE')
    type = EnumField(AchievementType)
    title = CharField(max_length=200)
    description = TextField(null=True)
    icon_url = CharField(max_length=500, null=True)
    xp_awarded = IntegerField(default=0)
    crystals_awarded = IntegerField(default=0)
    sparks_awarded = IntegerField(default=0)
    metadata = BinaryJSONField(null=True)
    earned_at = DateTimeTZField(default=utc_now)

    class Meta:
        table_name = 'achievements'


class Leaderboard(BaseModel):
    """A cached ranking for a class, school, guild or everyone, over a timeframe."""
    scope = EnumField(LeaderboardScope)
    # A class, school or guild id depending on `scope`, so no foreign key.
    scope_id = UUIDField(null=True)
    timeframe = EnumField(LeaderboardTimeframe)
    rankings = BinaryJSONField()
    last_updated = DateTimeTZField(default=utc_now)

    class Meta:
        table_name = 'leaderboards'
