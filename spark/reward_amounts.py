"""How much each kind of learning is worth: the one place these amounts are set.

Every award goes through the rewards ledger (`reward_ledger`) with a unique key
per source, so nothing is awarded twice.
"""
# XP for finishing a lesson.
LESSON_COMPLETED_XP = 50
# XP for passing a quiz at 100 %; a pass at 80 % earns 80 % of it.
QUIZ_PASSED_XP = 100
# Crystals, once per quiz, for the first perfect score.
PERFECT_SCORE_CRYSTALS = 10
# Sparks for reaching a streak of this many days.
STREAK_MILESTONE_SPARKS = {3: 5, 7: 15, 30: 50}
