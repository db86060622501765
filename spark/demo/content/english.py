"""Grade 7 English demo course: grammar, reading and letter writing.

Pure data; the format is described in docs/content-format.md.
The reading passage "The Rain Jar" is original to Spark.
"""

COURSE = {
    "key": "g7-english",
    "title": "English Grammar and Reading",
    "description": (
        "Write and speak with confidence! This grade 7 course covers nouns and pronouns, tenses, and active "
        "and passive voice, then puts them to work: reading a short story closely and writing formal and "
        "informal letters, with examples from cricket, festivals and school life."
    ),
    "subject": "English",
    "grade": 7,
    "difficulty": "EASY",
    "estimated_hours": 5,
    "learning_objectives": [
        "Identify kinds of nouns and use pronouns correctly",
        "Choose the right tense for present, past and future actions",
        "Change sentences from the active to the passive voice and back",
        "Read a passage for its main idea, details, inferences and word meanings",
        "Write formal and informal letters in the correct format",
    ],
    "prerequisites": [],
    "translations": {
        "hi": {
            "title": "अंग्रेज़ी व्याकरण और पठन",
            "description": (
                "आत्मविश्वास से अंग्रेज़ी लिखिए और बोलिए! कक्षा 7 के इस पाठ्यक्रम में संज्ञा और सर्वनाम, काल (टेंस), और "
                "कर्तृवाच्य व कर्मवाच्य सीखिए, फिर उनका उपयोग कीजिए: एक छोटी कहानी को ध्यान से पढ़ना और औपचारिक व "
                "अनौपचारिक पत्र लिखना — क्रिकेट, त्योहारों और स्कूल-जीवन के उदाहरणों के साथ।"
            ),
        }
    },
    "lessons": [
        # ------------------------------------------------------------------ 1
        {
            "key": "nouns-pronouns",
            "title": "Nouns and Pronouns",
            "duration": 15,
            "objectives": [
                "Identify common, proper, collective and abstract nouns",
                "Use subject, object, possessive and reflexive pronouns correctly",
                "Avoid common pronoun mistakes",
            ],
            "keywords": ["noun", "proper noun", "collective noun", "abstract noun", "pronoun", "reflexive"],
            "difficulty_level": 1,
            "requires_internet": False,
            "content": {
                "version": 1,
                "blocks": [
                    {
                        "type": "text",
                        "html": (
                            "<h2>What is a noun?</h2>"
                            "<p>A <strong>noun</strong> is a naming word. It names a person, place, animal, thing or idea.</p>"
                            "<p>In the sentence <em>“Sachin played cricket in Mumbai”</em>, the words <strong>Sachin</strong>, "
                            "<strong>cricket</strong> and <strong>Mumbai</strong> are nouns.</p>"
                        ),
                    },
                    {
                        "type": "text",
                        "html": (
                            "<h3>Kinds of nouns</h3>"
                            "<ul>"
                            "<li><strong>Common noun</strong>: a general name, like girl, city, river or book.</li>"
                            "<li><strong>Proper noun</strong>: the name of a particular person, place or thing. It always "
                            "begins with a capital letter: Priya, Chennai, the Ganga, Diwali.</li>"
                            "<li><strong>Collective noun</strong>: a name for a group taken as one: a team of players, a flock "
                            "of birds, a bunch of bananas, a herd of cattle.</li>"
                            "<li><strong>Abstract noun</strong>: the name of an idea, quality or feeling that you cannot see or "
                            "touch: honesty, happiness, courage, childhood.</li>"
                            "</ul>"
                        ),
                    },
                    {
                        "type": "check",
                        "question": "In “A swarm of bees chased the boys”, which word is a collective noun?",
                        "options": ["bees", "swarm", "boys", "chased"],
                        "answer_index": 1,
                        "explanation": "“Swarm” names a whole group of bees as one unit, so it is a collective noun.",
                    },
                    {
                        "type": "text",
                        "html": (
                            "<h2>Pronouns: words that stand for nouns</h2>"
                            "<p>Without pronouns: <em>“Ravi said that Ravi's mother gave Ravi a new bat.”</em><br>"
                            "With pronouns: <em>“Ravi said that his mother gave him a new bat.”</em> Much better!</p>"
                            "<ul>"
                            "<li><strong>Subject pronouns</strong> do the action: I, we, you, he, she, it, they.</li>"
                            "<li><strong>Object pronouns</strong> receive the action: me, us, you, him, her, it, them.</li>"
                            "<li><strong>Possessive pronouns</strong> show ownership: mine, ours, yours, his, hers, theirs. "
                            "(<em>My, our, your, her, their</em> come before a noun: my bag, their house.)</li>"
                            "<li><strong>Reflexive pronouns</strong> point back to the subject: myself, ourselves, yourself, "
                            "yourselves, himself, herself, itself, themselves. <em>“Meena hurt herself.”</em></li>"
                            "</ul>"
                        ),
                    },
                    {
                        "type": "example",
                        "title": "Choosing the right pronoun",
                        "problem": "Choose the correct pronouns: “Arjun and ___ (I / me) went to the mela. Dadi gave ___ (we / us) twenty rupees each.”",
                        "steps": [
                            "The first blank is part of the subject. Test it by removing “Arjun and”: “I went” is correct, “me went” is not.",
                            "In the second sentence the pronoun receives the action of “gave”, so we need the object pronoun “us”.",
                        ],
                        "answer": "Arjun and I went to the mela. Dadi gave us twenty rupees each.",
                    },
                    {
                        "type": "text",
                        "html": (
                            "<h3>Watch out for these mistakes</h3>"
                            "<ul>"
                            "<li><strong>its</strong> shows ownership (<em>The dog wagged its tail</em>); <strong>it's</strong> "
                            "means “it is” (<em>It's raining</em>).</li>"
                            "<li>After words like <em>between, with, for</em> use object pronouns: <em>between you and me</em>, "
                            "not “between you and I”.</li>"
                            "<li>Do not use “myself” in place of “I” or “me”: <em>Rohan and I will bowl</em>, not “Rohan and myself will bowl”.</li>"
                            "</ul>"
                        ),
                    },
                    {
                        "type": "key_points",
                        "points": [
                            "Nouns name people, places, animals, things and ideas.",
                            "Proper nouns always begin with a capital letter.",
                            "Collective nouns name a group; abstract nouns name ideas and feelings.",
                            "Use subject pronouns for the doer and object pronouns for the receiver of an action.",
                            "Reflexive pronouns end in -self or -selves and point back to the subject.",
                        ],
                    },
                ],
            },
            "translations": {
                "hi": {
                    "title": "संज्ञा और सर्वनाम",
                    "content": {
                        "version": 1,
                        "blocks": [
                            {
                                "type": "text",
                                "html": (
                                    "<h2>संज्ञा (Noun) क्या है?</h2>"
                                    "<p><strong>संज्ञा</strong> नाम बताने वाला शब्द है। यह किसी व्यक्ति, स्थान, जानवर, वस्तु या "
                                    "विचार का नाम बताती है।</p>"
                                    "<p>वाक्य <em>“Sachin played cricket in Mumbai”</em> में <strong>Sachin</strong>, "
                                    "<strong>cricket</strong> और <strong>Mumbai</strong> संज्ञाएँ हैं।</p>"
                                ),
                            },
                            {
                                "type": "text",
                                "html": (
                                    "<h3>संज्ञा के प्रकार</h3>"
                                    "<ul>"
                                    "<li><strong>जातिवाचक संज्ञा (Common noun)</strong>: सामान्य नाम, जैसे girl, city, river या book।</li>"
                                    "<li><strong>व्यक्तिवाचक संज्ञा (Proper noun)</strong>: किसी ख़ास व्यक्ति, स्थान या वस्तु का नाम। "
                                    "अंग्रेज़ी में यह हमेशा बड़े अक्षर (capital letter) से शुरू होती है: Priya, Chennai, the Ganga, Diwali।</li>"
                                    "<li><strong>समूहवाचक संज्ञा (Collective noun)</strong>: किसी समूह को एक इकाई मानकर दिया गया नाम: "
                                    "a team of players, a flock of birds, a bunch of bananas, a herd of cattle।</li>"
                                    "<li><strong>भाववाचक संज्ञा (Abstract noun)</strong>: किसी विचार, गुण या भावना का नाम, जिसे देखा या "
                                    "छुआ नहीं जा सकता: honesty, happiness, courage, childhood।</li>"
                                    "</ul>"
                                ),
                            },
                            {
                                "type": "check",
                                "question": "“A swarm of bees chased the boys” में कौन-सा शब्द समूहवाचक संज्ञा है?",
                                "options": ["bees (मधुमक्खियाँ)", "swarm (झुंड)", "boys (लड़के)", "chased (पीछा किया)"],
                                "answer_index": 1,
                                "explanation": "“Swarm” मधुमक्खियों के पूरे समूह को एक इकाई के रूप में बताता है, इसलिए यह समूहवाचक संज्ञा है।",
                            },
                            {
                                "type": "text",
                                "html": (
                                    "<h2>सर्वनाम (Pronoun): संज्ञा की जगह आने वाले शब्द</h2>"
                                    "<p>सर्वनाम के बिना: <em>“Ravi said that Ravi's mother gave Ravi a new bat.”</em><br>"
                                    "सर्वनाम के साथ: <em>“Ravi said that his mother gave him a new bat.”</em> कितना बेहतर!</p>"
                                    "<ul>"
                                    "<li><strong>कर्ता सर्वनाम (Subject pronouns)</strong> काम करने वाले को बताते हैं: I, we, you, he, she, it, they।</li>"
                                    "<li><strong>कर्म सर्वनाम (Object pronouns)</strong> जिस पर काम होता है उसे बताते हैं: me, us, you, him, her, it, them।</li>"
                                    "<li><strong>स्वामित्वसूचक सर्वनाम (Possessive pronouns)</strong> अधिकार बताते हैं: mine, ours, yours, his, hers, theirs। "
                                    "(<em>My, our, your, her, their</em> संज्ञा से पहले आते हैं: my bag, their house।)</li>"
                                    "<li><strong>निजवाचक सर्वनाम (Reflexive pronouns)</strong> वापस कर्ता की ओर इशारा करते हैं: myself, ourselves, "
                                    "yourself, yourselves, himself, herself, itself, themselves। <em>“Meena hurt herself.”</em></li>"
                                    "</ul>"
                                ),
                            },
                            {
                                "type": "example",
                                "title": "सही सर्वनाम चुनना",
                                "problem": "सही सर्वनाम चुनिए: “Arjun and ___ (I / me) went to the mela. Dadi gave ___ (we / us) twenty rupees each.”",
                                "steps": [
                                    "पहला रिक्त स्थान कर्ता का हिस्सा है। “Arjun and” हटाकर जाँचिए: “I went” सही है, “me went” नहीं।",
                                    "दूसरे वाक्य में सर्वनाम पर “gave” का काम हो रहा है, इसलिए कर्म सर्वनाम “us” चाहिए।",
                                ],
                                "answer": "सही वाक्य: Arjun and I went to the mela. Dadi gave us twenty rupees each.",
                            },
                            {
                                "type": "text",
                                "html": (
                                    "<h3>इन ग़लतियों से बचिए</h3>"
                                    "<ul>"
                                    "<li><strong>its</strong> अधिकार बताता है (<em>The dog wagged its tail</em>); <strong>it's</strong> का "
                                    "अर्थ है “it is” (<em>It's raining</em>)।</li>"
                                    "<li><em>between, with, for</em> जैसे शब्दों के बाद कर्म सर्वनाम लगाइए: <em>between you and me</em>, "
                                    "“between you and I” नहीं।</li>"
                                    "<li>“I” या “me” की जगह “myself” मत लगाइए: <em>Rohan and I will bowl</em>, “Rohan and myself will bowl” नहीं।</li>"
                                    "</ul>"
                                ),
                            },
                            {
                                "type": "key_points",
                                "points": [
                                    "संज्ञा व्यक्तियों, स्थानों, जानवरों, वस्तुओं और विचारों के नाम बताती है।",
                                    "अंग्रेज़ी में व्यक्तिवाचक संज्ञा हमेशा बड़े अक्षर से शुरू होती है।",
                                    "समूहवाचक संज्ञा किसी समूह का नाम है; भाववाचक संज्ञा विचारों और भावनाओं का नाम है।",
                                    "काम करने वाले के लिए कर्ता सर्वनाम और जिस पर काम हो उसके लिए कर्म सर्वनाम लगाइए।",
                                    "निजवाचक सर्वनाम -self या -selves पर ख़त्म होते हैं और कर्ता की ओर वापस इशारा करते हैं।",
                                ],
                            },
                        ],
                    },
                }
            },
            "quizzes": [
                {
                    "key": "nouns-pronouns-quiz",
                    "title": "Naming Words Quiz",
                    "description": "Kinds of nouns and the right pronoun in the right place.",
                    "time_limit": 10,
                    "max_attempts": 3,
                    "passing_score": 70,
                    "randomize_questions": False,
                    "show_results_immediately": True,
                    "questions": [
                        {
                            "type": "MULTIPLE_CHOICE",
                            "text": "Which of these is a collective noun?",
                            "options": ["honesty", "herd", "Kolkata", "river"],
                            "correct_answer": {"correct": [1]},
                            "explanation": "“Herd” names a group of animals as one unit. Honesty is abstract, Kolkata is proper and river is common.",
                            "difficulty": 1,
                            "tags": ["nouns"],
                        },
                        {
                            "type": "TRUE_FALSE",
                            "text": "“Honesty” is an abstract noun.",
                            "options": None,
                            "correct_answer": {"value": True},
                            "explanation": "Honesty is a quality that cannot be seen or touched, so it is an abstract noun.",
                            "difficulty": 1,
                            "tags": ["nouns"],
                        },
                        {
                            "type": "FILL_BLANK",
                            "text": "Priya and I finished [[1]] homework early, so Mum took [[2]] to the park. (Use pronouns.)",
                            "options": None,
                            "correct_answer": {"blanks": [["our"], ["us"]], "case_sensitive": False},
                            "explanation": "The homework belongs to “Priya and I”, so it is “our” homework. They receive the action of “took”, so the object pronoun “us” is needed.",
                            "difficulty": 2,
                            "tags": ["pronouns"],
                        },
                        {
                            "type": "MATCHING",
                            "text": "Match each noun with its kind.",
                            "options": {
                                "left": ["Taj Mahal", "team", "kindness", "pencil"],
                                "right": ["Common noun", "Proper noun", "Abstract noun", "Collective noun"],
                            },
                            "correct_answer": {"pairs": [[0, 1], [1, 3], [2, 2], [3, 0]]},
                            "explanation": "Taj Mahal: proper. Team: collective. Kindness: abstract. Pencil: common.",
                            "points": 2,
                            "difficulty": 2,
                            "tags": ["nouns"],
                        },
                        {
                            "type": "SHORT_ANSWER",
                            "text": "Write the reflexive pronoun for “they”.",
                            "options": None,
                            "correct_answer": {"accepted": ["themselves"], "case_sensitive": False},
                            "explanation": "They → themselves, as in “They cooked the dinner themselves.”",
                            "difficulty": 1,
                            "tags": ["pronouns"],
                        },
                        {
                            "type": "MULTIPLE_CHOICE",
                            "text": "Which of these words are pronouns? Choose all that apply.",
                            "options": ["she", "quickly", "them", "ours", "table"],
                            "correct_answer": {"correct": [0, 2, 3]},
                            "explanation": "“She” (subject), “them” (object) and “ours” (possessive) are pronouns. “Quickly” is an adverb and “table” is a noun.",
                            "difficulty": 2,
                            "tags": ["pronouns"],
                        },
                        {
                            "type": "ORDERING",
                            "text": "Put the words in order to make a correct sentence.",
                            "options": ["herself", "Anita", "the", "painted", "picture"],
                            "correct_answer": {"order": [1, 3, 2, 4, 0]},
                            "explanation": "“Anita painted the picture herself.” The reflexive pronoun “herself” points back to Anita.",
                            "points": 2,
                            "difficulty": 2,
                            "tags": ["pronouns", "sentence-building"],
                        },
                    ],
                }
            ],
        },
        # ------------------------------------------------------------------ 2
        {
            "key": "tenses",
            "title": "Tenses: Talking About Time",
            "duration": 20,
            "objectives": [
                "Form the simple, continuous and perfect tenses in the present, past and future",
                "Use time words to choose the correct tense",
                "Correct common tense mistakes",
            ],
            "keywords": ["tense", "simple past", "present continuous", "present perfect", "future"],
            "difficulty_level": 2,
            "requires_internet": False,
            "content": {
                "version": 1,
                "blocks": [
                    {
                        "type": "text",
                        "html": (
                            "<h2>When did it happen?</h2>"
                            "<p>The <strong>tense</strong> of a verb tells us <em>when</em> an action happens: in the present, "
                            "the past or the future. Each time has a simple, a continuous and a perfect form (and a perfect "
                            "continuous form, which you will meet later).</p>"
                        ),
                    },
                    {
                        "type": "text",
                        "html": (
                            "<h3>Present tense</h3>"
                            "<ul>"
                            "<li><strong>Simple present</strong> for habits and facts: <em>Rohit practises every morning. "
                            "The Sun rises in the east.</em> Add -s or -es with he, she and it.</li>"
                            "<li><strong>Present continuous</strong> (am/is/are + -ing) for what is happening now: "
                            "<em>Rohit is batting now.</em></li>"
                            "<li><strong>Present perfect</strong> (has/have + past participle) for an action just completed or "
                            "that matters now: <em>Rohit has scored fifty runs.</em></li>"
                            "</ul>"
                        ),
                    },
                    {
                        "type": "text",
                        "html": (
                            "<h3>Past tense</h3>"
                            "<ul>"
                            "<li><strong>Simple past</strong> for a finished action: <em>India won the match yesterday.</em></li>"
                            "<li><strong>Past continuous</strong> (was/were + -ing) for an action in progress in the past: "
                            "<em>It was raining when the match started.</em></li>"
                            "<li><strong>Past perfect</strong> (had + past participle) for the earlier of two past actions: "
                            "<em>The rain had stopped before the players came out.</em></li>"
                            "</ul>"
                            "<h3>Future tense</h3>"
                            "<ul>"
                            "<li><strong>Simple future</strong>: <em>We will watch the final on Sunday.</em></li>"
                            "<li><strong>Future continuous</strong>: <em>At 7 p.m. tomorrow we will be travelling to Pune.</em></li>"
                            "<li><strong>Future perfect</strong>: <em>By the time you arrive, the film will have started.</em></li>"
                            "</ul>"
                        ),
                    },
                    {
                        "type": "text",
                        "html": (
                            "<h3>Time words are clues</h3>"
                            "<ul>"
                            "<li><em>yesterday, last week, in 2020, ago</em> → simple past</li>"
                            "<li><em>now, at the moment, Look!</em> → present continuous</li>"
                            "<li><em>already, just, yet, since, for</em> → often present perfect</li>"
                            "<li><em>tomorrow, next year, soon</em> → future</li>"
                            "</ul>"
                            "<p>Do not use the present perfect with a finished time: say <em>I saw him yesterday</em>, "
                            "not “I have seen him yesterday”.</p>"
                        ),
                    },
                    {
                        "type": "example",
                        "title": "Spot and fix the tense",
                        "problem": "Correct this sentence: “Yesterday Meena goes to the market and buys two kilograms of onions.”",
                        "steps": [
                            "“Yesterday” tells us that the action is finished and in the past.",
                            "So both verbs must be in the simple past: “goes” → “went” and “buys” → “bought”.",
                        ],
                        "answer": "Yesterday Meena went to the market and bought two kilograms of onions.",
                    },
                    {
                        "type": "check",
                        "question": "Which sentence is correct?",
                        "options": [
                            "I have seen that film last week.",
                            "I saw that film last week.",
                            "I am seeing that film last week.",
                        ],
                        "answer_index": 1,
                        "explanation": "“Last week” is a finished time, so we use the simple past: “I saw”.",
                    },
                    {
                        "type": "key_points",
                        "points": [
                            "Simple present for habits and facts; present continuous for actions happening now.",
                            "Present perfect = has/have + past participle; past perfect = had + past participle.",
                            "Simple past for finished actions, often with words like yesterday and ago.",
                            "Use will + verb for the simple future.",
                        ],
                    },
                ],
            },
            "translations": {"hi": {"title": "काल (टेंस): समय की बात"}},
            "quizzes": [],
        },
        # ------------------------------------------------------------------ 3
        {
            "key": "active-passive-voice",
            "title": "Active and Passive Voice",
            "duration": 20,
            "objectives": [
                "Tell the active voice from the passive voice",
                "Change sentences in common tenses from active to passive",
                "Know when the passive voice is useful",
            ],
            "keywords": ["active voice", "passive voice", "past participle", "object", "by"],
            "difficulty_level": 3,
            "requires_internet": False,
            "content": {
                "version": 1,
                "blocks": [
                    {
                        "type": "text",
                        "html": (
                            "<h2>Who did it, or what was done?</h2>"
                            "<p>In the <strong>active voice</strong>, the subject does the action: "
                            "<em>Rohit hit the ball.</em></p>"
                            "<p>In the <strong>passive voice</strong>, the subject receives the action: "
                            "<em>The ball was hit by Rohit.</em></p>"
                            "<p>Both sentences mean the same thing, but the focus changes from the batsman to the ball.</p>"
                        ),
                    },
                    {
                        "type": "text",
                        "html": (
                            "<h3>How to change active to passive</h3>"
                            "<ol>"
                            "<li>Find the object of the active sentence (<em>the ball</em>).</li>"
                            "<li>Make it the subject of the new sentence.</li>"
                            "<li>Use the correct form of <strong>be</strong> in the same tense as the active verb, followed by "
                            "the <strong>past participle</strong> (hit, written, eaten, made).</li>"
                            "<li>Add <strong>by</strong> + the doer, if it is needed.</li>"
                            "</ol>"
                        ),
                    },
                    {
                        "type": "text",
                        "html": (
                            "<h3>Active → passive in different tenses</h3>"
                            "<ul>"
                            "<li>Simple present: <em>Dadi makes rotis.</em> → <em>Rotis are made by Dadi.</em></li>"
                            "<li>Present continuous: <em>The workers are building a bridge.</em> → <em>A bridge is being built by the workers.</em></li>"
                            "<li>Present perfect: <em>Priya has painted the wall.</em> → <em>The wall has been painted by Priya.</em></li>"
                            "<li>Simple past: <em>Meera wrote a letter.</em> → <em>A letter was written by Meera.</em></li>"
                            "<li>Past continuous: <em>The boys were flying kites.</em> → <em>Kites were being flown by the boys.</em></li>"
                            "<li>Simple future: <em>The principal will announce the results.</em> → <em>The results will be announced by the principal.</em></li>"
                            "</ul>"
                        ),
                    },
                    {
                        "type": "example",
                        "title": "Changing a sentence step by step",
                        "problem": "Change to the passive voice: “The monsoon rains flooded the streets of Mumbai.”",
                        "steps": [
                            "The object is “the streets of Mumbai”; it becomes the new subject.",
                            "“Flooded” is simple past and the new subject is plural, so use “were” + the past participle “flooded”.",
                            "Add “by the monsoon rains” at the end.",
                        ],
                        "answer": "The streets of Mumbai were flooded by the monsoon rains.",
                    },
                    {
                        "type": "text",
                        "html": (
                            "<h3>When is the passive useful?</h3>"
                            "<p>Use the passive when the doer is unknown or not important:</p>"
                            "<ul><li><em>My bicycle was stolen.</em> (We don't know who stole it.)</li>"
                            "<li><em>Rice is grown in West Bengal.</em> (The farmers are obvious.)</li>"
                            "<li><em>The Taj Mahal was built in the seventeenth century.</em></li></ul>"
                            "<p>Only sentences with an object can be changed into the passive. <em>The baby sleeps</em> has no "
                            "object, so it has no passive form.</p>"
                        ),
                    },
                    {
                        "type": "check",
                        "question": "Which is the passive form of “They are painting the classroom”?",
                        "options": [
                            "The classroom is painted by them.",
                            "The classroom is being painted by them.",
                            "The classroom was being painted by them.",
                            "The classroom has painted them.",
                        ],
                        "answer_index": 1,
                        "explanation": "Present continuous active (are painting) becomes is/are + being + past participle: “is being painted”.",
                    },
                    {
                        "type": "key_points",
                        "points": [
                            "Active: the subject does the action. Passive: the subject receives the action.",
                            "Passive = a form of “be” + past participle (+ by + doer).",
                            "Keep the tense the same when you change the voice.",
                            "Use the passive when the doer is unknown or unimportant.",
                        ],
                    },
                ],
            },
            "translations": {"hi": {"title": "कर्तृवाच्य और कर्मवाच्य"}},
            "quizzes": [
                {
                    "key": "tenses-voice-quiz",
                    "title": "Time and Voice Quiz",
                    "description": "Choose the right tense and change sentences between the active and passive voice.",
                    "time_limit": 15,
                    "max_attempts": 3,
                    "passing_score": 70,
                    "randomize_questions": True,
                    "show_results_immediately": True,
                    "questions": [
                        {
                            "type": "MULTIPLE_CHOICE",
                            "text": "Choose the correct verb: “Virat ___ a century yesterday.”",
                            "options": ["scores", "scored", "will score", "has scoring"],
                            "correct_answer": {"correct": [1]},
                            "explanation": "“Yesterday” shows a finished past action, so the simple past “scored” is correct.",
                            "difficulty": 1,
                            "tags": ["tenses"],
                        },
                        {
                            "type": "FILL_BLANK",
                            "text": "Use the present continuous form of “play”: “Look! The children [[1]] cricket in the rain.”",
                            "options": None,
                            "correct_answer": {"blanks": [["are playing"]], "case_sensitive": False},
                            "explanation": "Present continuous = am/is/are + -ing. “Children” is plural, so “are playing”.",
                            "difficulty": 2,
                            "tags": ["tenses"],
                        },
                        {
                            "type": "TRUE_FALSE",
                            "text": "“The window was broken by the ball” is in the passive voice.",
                            "options": None,
                            "correct_answer": {"value": True},
                            "explanation": "The subject (the window) receives the action, and the verb is “was” + past participle “broken”.",
                            "difficulty": 1,
                            "tags": ["voice"],
                        },
                        {
                            "type": "SHORT_ANSWER",
                            "text": "Change to the passive voice: “Meera wrote a letter.”",
                            "options": None,
                            "correct_answer": {
                                "accepted": ["A letter was written by Meera", "The letter was written by Meera"],
                                "case_sensitive": False,
                            },
                            "explanation": "The object “a letter” becomes the subject; simple past passive = was + past participle (written) + by Meera.",
                            "difficulty": 3,
                            "tags": ["voice"],
                        },
                        {
                            "type": "MATCHING",
                            "text": "Match each sentence with its tense.",
                            "options": {
                                "left": [
                                    "I have finished my homework.",
                                    "She will visit Jaipur next week.",
                                    "They were watching the match.",
                                    "He plays the tabla.",
                                ],
                                "right": ["Simple present", "Present perfect", "Past continuous", "Simple future", "Past perfect"],
                            },
                            "correct_answer": {"pairs": [[0, 1], [1, 3], [2, 2], [3, 0]]},
                            "explanation": "have finished: present perfect; will visit: simple future; were watching: past continuous; plays: simple present. No sentence is in the past perfect.",
                            "points": 2,
                            "difficulty": 2,
                            "tags": ["tenses"],
                        },
                        {
                            "type": "ORDERING",
                            "text": "Put the steps for changing an active sentence into the passive voice in order.",
                            "options": [
                                "Add “by” + the old subject at the end, if needed",
                                "Find the object of the active sentence",
                                "Make the object the new subject",
                                "Write the correct form of “be” + the past participle of the verb",
                            ],
                            "correct_answer": {"order": [1, 2, 3, 0]},
                            "explanation": "Find the object, move it to the front as the subject, build the verb with be + past participle, then add the doer with “by”.",
                            "points": 2,
                            "difficulty": 2,
                            "tags": ["voice"],
                        },
                        {
                            "type": "MULTIPLE_CHOICE",
                            "text": "Which of these sentences are in the passive voice? Choose all that apply.",
                            "options": [
                                "Rotis are made by Dadi every morning.",
                                "Dadi makes rotis every morning.",
                                "The match was won by India.",
                                "The trophy will be given to the captain.",
                            ],
                            "correct_answer": {"correct": [0, 2, 3]},
                            "explanation": "Sentences 1, 3 and 4 use a form of “be” + past participle with the receiver as subject. Sentence 2 is active.",
                            "difficulty": 3,
                            "tags": ["voice"],
                        },
                        {
                            "type": "ESSAY",
                            "text": (
                                "Write a short paragraph (at least 50 words) about a festival you celebrated last year. Use "
                                "the simple past tense, and include at least two sentences in the passive voice."
                            ),
                            "options": None,
                            "correct_answer": {
                                "rubric": (
                                    "5 points: describes a festival with relevant details (1); uses the simple past tense "
                                    "correctly throughout (2: 1 if there are a few errors); includes at least two correct "
                                    "passive sentences (1); correct spelling and punctuation (1)."
                                ),
                                "sample_answer": (
                                    "Last year we celebrated Pongal at my grandmother's house in Madurai. Early in the morning "
                                    "the front yard was decorated with a colourful kolam by my sister and me. Rice was cooked "
                                    "with milk and jaggery in a new clay pot. When the milk boiled over, everyone shouted "
                                    "“Pongalo Pongal!” In the evening sugarcane was shared with all our neighbours, and we "
                                    "laughed and played until late."
                                ),
                                "min_words": 50,
                            },
                            "explanation": "A good answer keeps to the simple past and uses was/were + past participle for the passive sentences.",
                            "points": 5,
                            "difficulty": 4,
                            "tags": ["tenses", "voice", "writing"],
                        },
                    ],
                }
            ],
        },
        # ------------------------------------------------------------------ 4
        {
            "key": "reading-rain-jar",
            "title": "Reading for Meaning: The Rain Jar",
            "duration": 20,
            "objectives": [
                "Skim for the main idea and scan for details",
                "Make inferences from what characters say and do",
                "Work out word meanings from context",
            ],
            "keywords": ["reading", "comprehension", "inference", "main idea", "vocabulary"],
            "difficulty_level": 2,
            "requires_internet": False,
            "content": {
                "version": 1,
                "blocks": [
                    {
                        "type": "text",
                        "html": (
                            "<h2>How good readers read</h2>"
                            "<ul>"
                            "<li><strong>Skim</strong>: read quickly first to get the main idea. Look at the title and the "
                            "first and last lines.</li>"
                            "<li><strong>Scan</strong>: look for particular details such as names, places and numbers.</li>"
                            "<li><strong>Infer</strong>: work out what the writer means but does not say directly.</li>"
                            "<li><strong>Use context</strong>: guess the meaning of a new word from the words around it.</li>"
                            "</ul>"
                            "<p>Now read the story below carefully.</p>"
                        ),
                    },
                    {
                        "type": "text",
                        "html": (
                            "<h3>The Rain Jar</h3>"
                            "<p>Every June, Kavya's village waited for the monsoon the way a batsman waits for a loose "
                            "ball. This year the clouds came late. The village well had dropped so low that the rope "
                            "barely reached the water, and Kavya's mother walked two kilometres each morning with a steel "
                            "pot on her head.</p>"
                            "<p>Kavya's science teacher, Mr Joshi, drew a house on the blackboard. “One good rain on a roof "
                            "like this,” he said, “can give us hundreds of litres. Right now it all runs into the drain.”</p>"
                            "<p>That afternoon Kavya and her friend Imran cleaned an old plastic drum. They cut a piece from a "
                            "torn mosquito net and tied it over the top. Then they fixed a bent pipe from the edge of Kavya's "
                            "roof into the drum. Her grandfather laughed. “You are trying to catch the sky in a jar,” he said.</p>"
                        ),
                    },
                    {
                        "type": "text",
                        "html": (
                            "<p>Two nights later, thunder rolled over the hills. Kavya woke to the drumming of rain on the tin "
                            "roof and ran out with a torch. Water was gushing through the pipe, and the net was catching "
                            "leaves and twigs. By morning the drum was full to the brim.</p>"
                            "<p>Her mother used the water to wash clothes and water the tulsi plant, and for three days she did "
                            "not have to walk to the well. Grandfather came to look at the drum. He tapped its side and smiled. "
                            "“Perhaps,” he said, “the sky does fit in a jar, if you are patient enough to hold it.”</p>"
                            "<p>By the end of the monsoon, four more houses on their lane had rain jars of their own.</p>"
                        ),
                    },
                    {
                        "type": "check",
                        "question": "What is the main idea of the story?",
                        "options": [
                            "A grandfather laughs at children",
                            "A girl's simple idea helps her family and neighbours collect rainwater",
                            "A teacher draws pictures on the blackboard",
                            "Thunderstorms are dangerous at night",
                        ],
                        "answer_index": 1,
                        "explanation": "The story is about Kavya's rain jar and how it helped her family and then spread to other houses.",
                    },
                    {
                        "type": "example",
                        "title": "Making an inference",
                        "problem": "The story never says that Grandfather changed his mind. How do we know that he did?",
                        "steps": [
                            "Look at what he does: he comes to see the drum and taps its side.",
                            "Look at his face: he smiles, while earlier he had laughed at the idea.",
                            "Look at his words: “Perhaps the sky does fit in a jar” turns his own joke into praise.",
                        ],
                        "answer": "His actions, his smile and his words show that he now admires the rain jar.",
                    },
                    {
                        "type": "check",
                        "question": "In the story, “the drumming of rain on the tin roof” means:",
                        "options": [
                            "a musician playing drums on the roof",
                            "the steady, loud beating sound of rain",
                            "rain filling the plastic drum",
                        ],
                        "answer_index": 1,
                        "explanation": "The writer compares the sound of heavy rain on tin to the beating of a drum.",
                    },
                    {
                        "type": "key_points",
                        "points": [
                            "Skim for the main idea; scan for details.",
                            "Inferences come from what characters do, how they look and what they say.",
                            "Words around a new word (its context) help you guess its meaning.",
                            "Always go back to the text to check your answer.",
                        ],
                    },
                ],
            },
            "translations": {"hi": {"title": "अर्थ के लिए पढ़ना: बारिश का घड़ा"}},
            "quizzes": [
                {
                    "key": "rain-jar-quiz",
                    "title": "The Rain Jar: Reading Quiz",
                    "description": "Questions on the story “The Rain Jar” from this lesson. Keep the story open while you answer.",
                    "time_limit": None,
                    "max_attempts": 3,
                    "passing_score": 60,
                    "randomize_questions": False,
                    "show_results_immediately": True,
                    "questions": [
                        {
                            "type": "MULTIPLE_CHOICE",
                            "text": "Why did Kavya's mother walk two kilometres every morning?",
                            "options": [
                                "To sell vegetables in the market",
                                "To fetch water, because the village well had dropped so low",
                                "To take Kavya to school",
                                "To meet Mr Joshi",
                            ],
                            "correct_answer": {"correct": [1]},
                            "explanation": "The well had almost dried up, so she had to carry water from far away in a steel pot.",
                            "difficulty": 1,
                            "tags": ["reading", "detail"],
                        },
                        {
                            "type": "TRUE_FALSE",
                            "text": "The piece of mosquito net stopped leaves and twigs from getting into the drum.",
                            "options": None,
                            "correct_answer": {"value": True},
                            "explanation": "The story says “the net was catching leaves and twigs”.",
                            "difficulty": 1,
                            "tags": ["reading", "detail"],
                        },
                        {
                            "type": "FILL_BLANK",
                            "text": "Kavya and her friend [[1]] made the rain jar from an old plastic [[2]].",
                            "options": None,
                            "correct_answer": {"blanks": [["Imran"], ["drum"]], "case_sensitive": False},
                            "explanation": "“Kavya and her friend Imran cleaned an old plastic drum.”",
                            "difficulty": 1,
                            "tags": ["reading", "detail"],
                        },
                        {
                            "type": "SHORT_ANSWER",
                            "text": "Find one word in the story that means “flowing out quickly and in large amounts”.",
                            "options": None,
                            "correct_answer": {"accepted": ["gushing", "gush*"], "case_sensitive": False},
                            "explanation": "“Water was gushing through the pipe”: gushing means flowing fast and in large amounts.",
                            "difficulty": 2,
                            "tags": ["reading", "vocabulary"],
                        },
                        {
                            "type": "ORDERING",
                            "text": "Put these events from the story in the order in which they happened.",
                            "options": [
                                "The drum was full to the brim",
                                "Mr Joshi drew a house on the blackboard",
                                "Thunder rolled over the hills",
                                "Kavya and Imran cleaned an old drum",
                            ],
                            "correct_answer": {"order": [1, 3, 2, 0]},
                            "explanation": "The lesson came first, then the children built the jar, then the storm came, and by morning the drum was full.",
                            "points": 2,
                            "difficulty": 2,
                            "tags": ["reading", "sequence"],
                        },
                        {
                            "type": "MATCHING",
                            "text": "Match each word from the story with its meaning.",
                            "options": {
                                "left": ["monsoon", "brim", "patient"],
                                "right": [
                                    "the top edge of a container",
                                    "able to wait calmly",
                                    "the season of heavy rain in India",
                                    "very angry",
                                ],
                            },
                            "correct_answer": {"pairs": [[0, 2], [1, 0], [2, 1]]},
                            "explanation": "Monsoon: the rainy season. Brim: the top edge (full to the brim = completely full). Patient: able to wait calmly.",
                            "points": 2,
                            "difficulty": 2,
                            "tags": ["reading", "vocabulary"],
                        },
                        {
                            "type": "MULTIPLE_CHOICE",
                            "text": "Which words describe Kavya in this story? Choose all that apply.",
                            "options": ["determined", "lazy", "practical", "careless"],
                            "correct_answer": {"correct": [0, 2]},
                            "explanation": "She carries out her plan even when Grandfather laughs (determined) and builds a jar that really works (practical).",
                            "difficulty": 3,
                            "tags": ["reading", "inference"],
                        },
                        {
                            "type": "ESSAY",
                            "text": "What did Grandfather mean when he said, “the sky does fit in a jar, if you are patient enough to hold it”? Do you agree? Give reasons.",
                            "options": None,
                            "correct_answer": {
                                "rubric": (
                                    "5 points: explains that “catching the sky” means collecting rain (1); explains that "
                                    "Grandfather now accepts the idea works (1); explains the idea of patience: waiting for the "
                                    "rain and preparing in advance (1); gives a personal opinion with a reason (1); refers to "
                                    "details from the story (1)."
                                ),
                                "sample_answer": (
                                    "At first Grandfather joked that Kavya was trying to catch the sky in a jar, because he "
                                    "thought collecting rain in a drum was silly. When he saw the full drum, he understood that "
                                    "the rain from the sky really could be caught and saved. Being patient means preparing early "
                                    "and waiting for the rain. I agree with him, because the jar saved Kavya's mother three days "
                                    "of walking to the well."
                                ),
                                "min_words": 40,
                            },
                            "explanation": "Grandfather admits the idea works: with planning and patience, rain (“the sky”) can be caught and stored.",
                            "points": 5,
                            "difficulty": 4,
                            "tags": ["reading", "inference", "writing"],
                        },
                    ],
                }
            ],
        },
        # ------------------------------------------------------------------ 5
        {
            "key": "letter-writing",
            "title": "Writing Letters: Formal and Informal",
            "duration": 20,
            "objectives": [
                "Tell formal and informal letters apart",
                "Set out a formal letter in the correct format",
                "Write a short, polite leave application",
            ],
            "keywords": ["letter", "formal", "informal", "application", "salutation", "subject"],
            "difficulty_level": 2,
            "requires_internet": False,
            "content": {
                "version": 1,
                "blocks": [
                    {
                        "type": "text",
                        "html": (
                            "<h2>Two kinds of letters</h2>"
                            "<p><strong>Informal letters</strong> are written to family and friends. They are friendly and "
                            "personal, like a conversation on paper.</p>"
                            "<p><strong>Formal letters</strong> are written to people such as your principal, a newspaper "
                            "editor or a government officer. They are polite, short and to the point, and follow a fixed format.</p>"
                        ),
                    },
                    {
                        "type": "image",
                        "src": "demo/letter-format.svg",
                        "alt": "Layout of a formal letter: sender's address, date, receiver's address, subject, salutation, body, closing and name, from top to bottom",
                        "caption": "The parts of a formal letter, from top to bottom.",
                        "width": 260,
                        "height": 320,
                    },
                    {
                        "type": "text",
                        "html": (
                            "<h3>Format of a formal letter</h3>"
                            "<ol>"
                            "<li>Sender's address</li>"
                            "<li>Date</li>"
                            "<li>Receiver's designation and address</li>"
                            "<li>Subject: one line that says what the letter is about</li>"
                            "<li>Salutation: Sir/Madam, or Respected Sir/Madam for a school letter</li>"
                            "<li>Body: why you are writing, the details, and what you request</li>"
                            "<li>Complimentary close: Yours obediently (to a principal), Yours sincerely or Yours faithfully</li>"
                            "<li>Signature and name (with class and roll number in a school letter)</li>"
                            "</ol>"
                            "<p>For a leave application to your own school, you may begin directly with "
                            "“To, The Principal …”, because your school knows where you live.</p>"
                        ),
                    },
                    {
                        "type": "example",
                        "title": "A leave application",
                        "problem": "Write a leave application to your principal because you have a fever.",
                        "steps": [
                            "To, The Principal, Government Middle School, Rampur",
                            "Date: 14 July 2025",
                            "Subject: Application for sick leave for two days",
                            "Respected Madam,",
                            "I am a student of Class VII-B. I have had a high fever since last night, and the doctor has advised me to rest for two days.",
                            "Kindly grant me leave for 15 and 16 July. I will complete the work I miss.",
                            "Yours obediently, Anjali Verma, Class VII-B, Roll No. 12",
                        ],
                        "answer": "A good application is short and polite, gives the reason and the exact dates, and promises to catch up.",
                    },
                    {
                        "type": "text",
                        "html": (
                            "<h3>Informal letters</h3>"
                            "<ul>"
                            "<li>Your address and the date at the top.</li>"
                            "<li>Salutation: <em>Dear Riya,</em> or <em>Dear Nani,</em></li>"
                            "<li>Body: share your news, ask about theirs, and write as you would speak.</li>"
                            "<li>Closing: <em>Yours lovingly</em>, <em>With love</em> or <em>Your friend</em>, then your name.</li>"
                            "<li>No subject line is needed.</li>"
                            "</ul>"
                            "<h3>Tips for every letter</h3>"
                            "<p>Keep paragraphs short, use polite words such as <em>kindly</em> and <em>request</em>, check "
                            "your spelling, and never use SMS short forms like “u” or “plz”.</p>"
                        ),
                    },
                    {
                        "type": "check",
                        "question": "Which of these belongs only in a formal letter?",
                        "options": ["Date", "Subject line", "Salutation", "Body"],
                        "answer_index": 1,
                        "explanation": "Both kinds of letter have a date, a salutation and a body, but only formal letters have a subject line.",
                    },
                    {
                        "type": "key_points",
                        "points": [
                            "Informal letters are for family and friends; formal letters are for official purposes.",
                            "A formal letter has a subject line and a fixed format.",
                            "Write “Yours obediently” to your principal and “Yours sincerely” or “Yours faithfully” to others.",
                            "Be brief, polite and clear.",
                        ],
                    },
                ],
            },
            "translations": {"hi": {"title": "पत्र लेखन: औपचारिक और अनौपचारिक"}},
            "quizzes": [
                {
                    "key": "letter-writing-quiz",
                    "title": "Letter Writing Quiz",
                    "description": "Format, salutations and closings, and a leave application to write.",
                    "time_limit": 20,
                    "max_attempts": 2,
                    "passing_score": 70,
                    "randomize_questions": False,
                    "show_results_immediately": False,
                    "questions": [
                        {
                            "type": "MULTIPLE_CHOICE",
                            "text": "Which salutation suits a leave application to your principal?",
                            "options": ["Dear Riya,", "Respected Sir/Madam,", "Hi Principal!", "My dear friend,"],
                            "correct_answer": {"correct": [1]},
                            "explanation": "A letter to the principal is formal, so we use a respectful salutation such as “Respected Sir/Madam,”.",
                            "difficulty": 1,
                            "tags": ["letters"],
                        },
                        {
                            "type": "TRUE_FALSE",
                            "text": "An informal letter to a friend needs a subject line.",
                            "options": None,
                            "correct_answer": {"value": False},
                            "explanation": "Only formal letters have a subject line.",
                            "difficulty": 1,
                            "tags": ["letters"],
                        },
                        {
                            "type": "ORDERING",
                            "text": "Put the parts of a formal letter in the order they appear, from top to bottom.",
                            "options": [
                                "Subject",
                                "Sender's address",
                                "Complimentary close (Yours sincerely)",
                                "Date",
                                "Body of the letter",
                                "Receiver's address",
                                "Salutation (Sir/Madam)",
                            ],
                            "correct_answer": {"order": [1, 3, 5, 0, 6, 4, 2]},
                            "explanation": "Sender's address, date, receiver's address, subject, salutation, body, and then the complimentary close.",
                            "points": 2,
                            "difficulty": 3,
                            "tags": ["letters", "format"],
                        },
                        {
                            "type": "FILL_BLANK",
                            "text": "A leave application to your principal ends with “Yours [[1]],” while a letter to a close friend can end with “Yours [[2]],”.",
                            "options": None,
                            "correct_answer": {
                                "blanks": [
                                    ["obediently", "sincerely", "faithfully"],
                                    ["lovingly", "affectionately", "truly", "ever"],
                                ],
                                "case_sensitive": False,
                            },
                            "explanation": "“Yours obediently” (or sincerely) is formal; “Yours lovingly” or “Yours affectionately” is friendly.",
                            "difficulty": 2,
                            "tags": ["letters"],
                        },
                        {
                            "type": "MATCHING",
                            "text": "Match each part of a formal letter with an example of it.",
                            "options": {
                                "left": ["Salutation", "Subject", "Complimentary close", "Body"],
                                "right": [
                                    "Yours sincerely,",
                                    "Respected Sir,",
                                    "Request for two days' leave",
                                    "I am writing to inform you that …",
                                    "P.S. Say hello to everyone!",
                                ],
                            },
                            "correct_answer": {"pairs": [[0, 1], [1, 2], [2, 0], [3, 3]]},
                            "explanation": "Salutation: Respected Sir. Subject: the request in a few words. Close: Yours sincerely. Body: the message itself. A P.S. belongs in informal letters.",
                            "points": 2,
                            "difficulty": 2,
                            "tags": ["letters", "format"],
                        },
                        {
                            "type": "SHORT_ANSWER",
                            "text": "In a formal letter, which line tells the reader in a few words what the letter is about?",
                            "options": None,
                            "correct_answer": {"accepted": ["subject", "subject line", "the subject", "the subject line"], "case_sensitive": False},
                            "explanation": "The subject line sums up the purpose of a formal letter.",
                            "difficulty": 1,
                            "tags": ["letters", "format"],
                        },
                        {
                            "type": "ESSAY",
                            "text": (
                                "Write a letter to your principal asking for two days' leave to attend your cousin's wedding "
                                "in Lucknow. Use the correct format for a formal letter."
                            ),
                            "options": None,
                            "correct_answer": {
                                "rubric": (
                                    "5 points: correct format: To/address, date, subject, salutation, body, close and name (2; "
                                    "1 if one or two parts are missing); clear reason and exact dates (1); polite request and "
                                    "promise to complete missed work (1); correct grammar and spelling (1)."
                                ),
                                "sample_answer": (
                                    "To, The Principal, Sunrise Public School, Kanpur. Date: 3 February 2025. Subject: Request "
                                    "for two days' leave. Respected Sir, I am a student of Class VII-A. My cousin's wedding will "
                                    "take place in Lucknow on 6 February, and my family will travel there on 5 February. Kindly "
                                    "grant me leave for 5 and 6 February. I will complete all the class work that I miss. Thank "
                                    "you. Yours obediently, Kabir Singh, Class VII-A, Roll No. 18."
                                ),
                                "min_words": 60,
                            },
                            "explanation": "A good application follows the formal format, states the reason and dates, and is brief and polite.",
                            "points": 5,
                            "difficulty": 3,
                            "tags": ["letters", "writing"],
                        },
                    ],
                }
            ],
        },
    ],
}
