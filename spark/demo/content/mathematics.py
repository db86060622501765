"""Grade 7 Mathematics demo course: fractions, decimals and integers.

Pure data; the format is described in docs/content-format.md.
Fractions are written as "3/4"; a mixed fraction as "3 2/5" (three and two-fifths).
"""

COURSE = {
    "key": "g7-maths",
    "title": "Fractions, Decimals and Integers",
    "description": (
        "Share rotis, split bills and read the temperature in Leh! This grade 7 course "
        "builds confidence with fractions, decimals and integers: what they mean, how to "
        "compare them, and how to add, multiply and divide them, with lots of everyday Indian examples."
    ),
    "subject": "Mathematics",
    "grade": 7,
    "difficulty": "MEDIUM",
    "estimated_hours": 6,
    "learning_objectives": [
        "Identify proper, improper and mixed fractions and convert between them",
        "Find equivalent fractions, simplify fractions and compare them",
        "Add, multiply and divide fractions and use them in word problems",
        "Read, compare, multiply and divide decimals, including money",
        "Add, subtract, multiply and divide integers using the number line and sign rules",
    ],
    "prerequisites": [],
    "translations": {
        "hi": {
            "title": "भिन्न, दशमलव और पूर्णांक",
            "description": (
                "रोटियाँ बाँटिए, बिल का हिसाब लगाइए और लेह का तापमान पढ़िए! कक्षा 7 का यह पाठ्यक्रम "
                "भिन्न, दशमलव और पूर्णांकों पर आपकी पकड़ मज़बूत करता है: इनका अर्थ क्या है, इनकी तुलना कैसे करें "
                "और इन्हें कैसे जोड़ें, गुणा करें और भाग दें — रोज़मर्रा के भारतीय उदाहरणों के साथ।"
            ),
        }
    },
    "lessons": [
        # ------------------------------------------------------------------ 1
        {
            "key": "fractions-intro",
            "title": "Fractions: Parts of a Whole",
            "duration": 15,
            "objectives": [
                "Explain the numerator and denominator of a fraction",
                "Tell proper, improper and mixed fractions apart",
                "Convert an improper fraction to a mixed fraction",
                "Find equivalent fractions and compare fractions",
            ],
            "keywords": ["fraction", "numerator", "denominator", "equivalent", "mixed fraction"],
            "difficulty_level": 1,
            "requires_internet": False,
            "content": {
                "version": 1,
                "blocks": [
                    {
                        "type": "text",
                        "html": (
                            "<h2>What is a fraction?</h2>"
                            "<p>Amma cuts a pizza into 8 equal slices and you eat 3 of them. "
                            "You have eaten <strong>3/8</strong> (three-eighths) of the pizza.</p>"
                            "<p>The bottom number is the <strong>denominator</strong>: it tells how many "
                            "<em>equal</em> parts the whole is cut into. The top number is the "
                            "<strong>numerator</strong>: it tells how many of those parts we are talking about.</p>"
                        ),
                    },
                    {
                        "type": "image",
                        "src": "demo/pizza-eighths.svg",
                        "alt": "A round pizza cut into 8 equal slices, with 3 slices shaded",
                        "caption": "3 of the 8 equal slices are shaded, so 3/8 of the pizza is shaded.",
                        "width": 320,
                        "height": 200,
                    },
                    {
                        "type": "text",
                        "html": (
                            "<h3>Three kinds of fractions</h3>"
                            "<ul>"
                            "<li><strong>Proper fraction</strong>: the numerator is smaller than the denominator, "
                            "like 3/8 or 2/5. It is less than 1 whole.</li>"
                            "<li><strong>Improper fraction</strong>: the numerator is bigger than the denominator, "
                            "like 7/4 or 9/2. It is more than 1 whole.</li>"
                            "<li><strong>Mixed fraction</strong>: a whole number and a proper fraction together, "
                            "like 1 3/4 (one and three-fourths). Every improper fraction can be written as a mixed fraction.</li>"
                            "</ul>"
                        ),
                    },
                    {
                        "type": "example",
                        "title": "Improper fraction to mixed fraction",
                        "problem": "Write 17/5 as a mixed fraction.",
                        "steps": [
                            "Divide the numerator by the denominator: 17 ÷ 5 = 3, remainder 2.",
                            "The quotient 3 is the whole-number part.",
                            "The remainder 2 is the new numerator; the denominator stays 5.",
                            "Check: 3 × 5 + 2 = 17, so 3 2/5 is the same as 17/5.",
                        ],
                        "answer": "17/5 = 3 2/5 (three and two-fifths)",
                    },
                    {
                        "type": "text",
                        "html": (
                            "<h3>Equivalent fractions</h3>"
                            "<p>Half a roti is the same amount as 2 quarters of a roti, so 1/2 = 2/4. "
                            "Fractions that show the same amount are called <strong>equivalent fractions</strong>.</p>"
                            "<p>To get an equivalent fraction, multiply (or divide) the numerator and the denominator "
                            "by the <em>same</em> non-zero number: 2/3 = (2 × 4)/(3 × 4) = 8/12.</p>"
                            "<p>A fraction is in its <strong>simplest form</strong> when the numerator and denominator "
                            "have no common factor other than 1. To simplify 12/18, divide both by their HCF, 6: "
                            "12/18 = 2/3.</p>"
                        ),
                    },
                    {
                        "type": "text",
                        "html": (
                            "<h3>Comparing fractions</h3>"
                            "<p><strong>Same denominator:</strong> the bigger numerator is the bigger fraction, so 5/8 &gt; 3/8.</p>"
                            "<p><strong>Different denominators:</strong> first rewrite both with a common denominator "
                            "(the LCM of the denominators). Which is bigger, 2/3 or 3/4? The LCM of 3 and 4 is 12. "
                            "2/3 = 8/12 and 3/4 = 9/12, so 3/4 is bigger.</p>"
                        ),
                    },
                    {
                        "type": "check",
                        "question": "Which fraction is equivalent to 3/4?",
                        "options": ["4/5", "6/8", "3/8", "7/8"],
                        "answer_index": 1,
                        "explanation": "Multiply the numerator and the denominator of 3/4 by 2: (3 × 2)/(4 × 2) = 6/8.",
                    },
                    {
                        "type": "key_points",
                        "points": [
                            "The denominator counts the equal parts in the whole; the numerator counts the parts we take.",
                            "Proper fractions are less than 1; improper fractions are more than 1 and can be written as mixed fractions.",
                            "Multiply or divide the numerator and denominator by the same number to get an equivalent fraction.",
                            "To compare fractions with different denominators, first give them a common denominator.",
                        ],
                    },
                ],
            },
            "translations": {
                "hi": {
                    "title": "भिन्न: पूरे के भाग",
                    "content": {
                        "version": 1,
                        "blocks": [
                            {
                                "type": "text",
                                "html": (
                                    "<h2>भिन्न क्या है?</h2>"
                                    "<p>अम्मा एक पिज़्ज़ा को 8 बराबर टुकड़ों में काटती हैं और आप उनमें से 3 टुकड़े खा लेते हैं। "
                                    "आपने पिज़्ज़ा का <strong>3/8</strong> (तीन बटा आठ) भाग खाया।</p>"
                                    "<p>नीचे वाली संख्या <strong>हर</strong> कहलाती है: यह बताती है कि पूरे को कितने "
                                    "<em>बराबर</em> भागों में बाँटा गया है। ऊपर वाली संख्या <strong>अंश</strong> कहलाती है: "
                                    "यह बताती है कि उनमें से कितने भागों की बात हो रही है।</p>"
                                ),
                            },
                            {
                                "type": "image",
                                "src": "demo/pizza-eighths.svg",
                                "alt": "एक गोल पिज़्ज़ा जो 8 बराबर टुकड़ों में कटा है, जिनमें से 3 टुकड़े रंगे हुए हैं",
                                "caption": "8 बराबर टुकड़ों में से 3 रंगे हुए हैं, इसलिए पिज़्ज़ा का 3/8 भाग रंगा है।",
                                "width": 320,
                                "height": 200,
                            },
                            {
                                "type": "text",
                                "html": (
                                    "<h3>भिन्न के तीन प्रकार</h3>"
                                    "<ul>"
                                    "<li><strong>उचित भिन्न</strong>: अंश हर से छोटा होता है, जैसे 3/8 या 2/5। "
                                    "यह 1 पूरे से कम होती है।</li>"
                                    "<li><strong>विषम भिन्न</strong>: अंश हर से बड़ा होता है, जैसे 7/4 या 9/2। "
                                    "यह 1 पूरे से अधिक होती है।</li>"
                                    "<li><strong>मिश्र भिन्न</strong>: एक पूर्ण संख्या और एक उचित भिन्न साथ-साथ, "
                                    "जैसे 1 3/4 (एक पूरा तीन बटा चार)। हर विषम भिन्न को मिश्र भिन्न के रूप में लिखा जा सकता है।</li>"
                                    "</ul>"
                                ),
                            },
                            {
                                "type": "example",
                                "title": "विषम भिन्न से मिश्र भिन्न",
                                "problem": "17/5 को मिश्र भिन्न के रूप में लिखिए।",
                                "steps": [
                                    "अंश को हर से भाग दीजिए: 17 ÷ 5 = 3, शेषफल 2।",
                                    "भागफल 3 पूर्ण संख्या वाला भाग है।",
                                    "शेषफल 2 नया अंश बनता है; हर 5 ही रहता है।",
                                    "जाँच: 3 × 5 + 2 = 17, इसलिए 3 2/5 और 17/5 बराबर हैं।",
                                ],
                                "answer": "17/5 = 3 2/5 (तीन पूरा दो बटा पाँच)",
                            },
                            {
                                "type": "text",
                                "html": (
                                    "<h3>तुल्य भिन्न</h3>"
                                    "<p>आधी रोटी उतनी ही है जितने एक रोटी के 2 चौथाई टुकड़े, इसलिए 1/2 = 2/4। "
                                    "जो भिन्न एक ही मात्रा दिखाती हैं, उन्हें <strong>तुल्य भिन्न</strong> कहते हैं।</p>"
                                    "<p>तुल्य भिन्न पाने के लिए अंश और हर दोनों को <em>एक ही</em> शून्येतर संख्या से गुणा "
                                    "(या भाग) कीजिए: 2/3 = (2 × 4)/(3 × 4) = 8/12।</p>"
                                    "<p>कोई भिन्न अपने <strong>सरलतम रूप</strong> में तब होती है जब अंश और हर का 1 के अलावा "
                                    "कोई उभयनिष्ठ गुणनखंड न हो। 12/18 को सरल करने के लिए दोनों को उनके म.स. (HCF) 6 से भाग दीजिए: "
                                    "12/18 = 2/3।</p>"
                                ),
                            },
                            {
                                "type": "text",
                                "html": (
                                    "<h3>भिन्नों की तुलना</h3>"
                                    "<p><strong>हर समान हों तो:</strong> जिसका अंश बड़ा, वही भिन्न बड़ी, इसलिए 5/8 &gt; 3/8।</p>"
                                    "<p><strong>हर अलग हों तो:</strong> पहले दोनों को एक समान हर (हरों का ल.स.) वाली भिन्न में बदलिए। "
                                    "2/3 और 3/4 में कौन बड़ी है? 3 और 4 का ल.स. 12 है। "
                                    "2/3 = 8/12 और 3/4 = 9/12, इसलिए 3/4 बड़ी है।</p>"
                                ),
                            },
                            {
                                "type": "check",
                                "question": "कौन-सी भिन्न 3/4 के तुल्य है?",
                                "options": ["4/5 (चार बटा पाँच)", "6/8 (छह बटा आठ)", "3/8 (तीन बटा आठ)", "7/8 (सात बटा आठ)"],
                                "answer_index": 1,
                                "explanation": "3/4 के अंश और हर दोनों को 2 से गुणा कीजिए: (3 × 2)/(4 × 2) = 6/8।",
                            },
                            {
                                "type": "key_points",
                                "points": [
                                    "हर पूरे के बराबर भागों को गिनता है; अंश उन भागों को गिनता है जो हम लेते हैं।",
                                    "उचित भिन्न 1 से कम होती है; विषम भिन्न 1 से अधिक होती है और उसे मिश्र भिन्न के रूप में लिखा जा सकता है।",
                                    "अंश और हर को एक ही संख्या से गुणा या भाग करने पर तुल्य भिन्न मिलती है।",
                                    "अलग-अलग हर वाली भिन्नों की तुलना से पहले उन्हें समान हर वाली भिन्न बनाइए।",
                                ],
                            },
                        ],
                    },
                }
            },
            "quizzes": [
                {
                    "key": "fractions-basics-quiz",
                    "title": "Fractions Warm-up",
                    "description": "Kinds of fractions, equivalent fractions, simplest form and comparing.",
                    "time_limit": 10,
                    "max_attempts": 3,
                    "passing_score": 70,
                    "randomize_questions": False,
                    "show_results_immediately": True,
                    "questions": [
                        {
                            "type": "MULTIPLE_CHOICE",
                            "text": "Which of these is an improper fraction?",
                            "options": ["3/7", "9/4", "1/2", "7/10"],
                            "correct_answer": {"correct": [1]},
                            "explanation": "In 9/4 the numerator (9) is bigger than the denominator (4), so it is more than 1 whole.",
                            "difficulty": 1,
                            "tags": ["types-of-fractions"],
                        },
                        {
                            "type": "TRUE_FALSE",
                            "text": "4/6 and 6/9 are equivalent fractions.",
                            "options": None,
                            "correct_answer": {"value": True},
                            "explanation": "Both simplify to 2/3: 4/6 = 2/3 (divide by 2) and 6/9 = 2/3 (divide by 3).",
                            "difficulty": 2,
                            "tags": ["equivalent-fractions"],
                        },
                        {
                            "type": "SHORT_ANSWER",
                            "text": "Write 18/24 in its simplest form.",
                            "options": None,
                            "correct_answer": {"accepted": ["3/4"], "case_sensitive": False},
                            "explanation": "The HCF of 18 and 24 is 6. 18 ÷ 6 = 3 and 24 ÷ 6 = 4, so 18/24 = 3/4.",
                            "difficulty": 2,
                            "tags": ["simplest-form"],
                        },
                        {
                            "type": "FILL_BLANK",
                            "text": "17/5 written as a mixed fraction is [[1]] and [[2]]/5.",
                            "options": None,
                            "correct_answer": {"blanks": [["3", "three"], ["2", "two"]], "case_sensitive": False},
                            "explanation": "17 ÷ 5 = 3 remainder 2, so 17/5 = 3 2/5.",
                            "difficulty": 2,
                            "tags": ["mixed-fractions"],
                        },
                        {
                            "type": "MATCHING",
                            "text": "Match each fraction with an equivalent fraction.",
                            "options": {"left": ["1/2", "3/4", "2/5"], "right": ["6/8", "4/10", "5/10", "2/3"]},
                            "correct_answer": {"pairs": [[0, 2], [1, 0], [2, 1]]},
                            "explanation": "1/2 = 5/10 (× 5), 3/4 = 6/8 (× 2), 2/5 = 4/10 (× 2). 2/3 is not equal to any of them.",
                            "points": 2,
                            "difficulty": 2,
                            "tags": ["equivalent-fractions"],
                        },
                        {
                            "type": "ORDERING",
                            "text": "Arrange these fractions from smallest to largest.",
                            "options": ["3/4", "1/2", "5/8", "1/4"],
                            "correct_answer": {"order": [3, 1, 2, 0]},
                            "explanation": "With denominator 8: 1/4 = 2/8, 1/2 = 4/8, 5/8, 3/4 = 6/8. So 1/4 < 1/2 < 5/8 < 3/4.",
                            "points": 2,
                            "difficulty": 3,
                            "tags": ["comparing-fractions"],
                        },
                        {
                            "type": "MULTIPLE_CHOICE",
                            "text": "Which of these fractions are equal to 2/3? Choose all that apply.",
                            "options": ["4/6", "6/8", "10/15", "8/12"],
                            "correct_answer": {"correct": [0, 2, 3]},
                            "explanation": "4/6, 10/15 and 8/12 all simplify to 2/3. 6/8 simplifies to 3/4.",
                            "difficulty": 3,
                            "tags": ["equivalent-fractions"],
                        },
                    ],
                }
            ],
        },
        # ------------------------------------------------------------------ 2
        {
            "key": "fractions-add-multiply",
            "title": "Adding and Multiplying Fractions",
            "duration": 20,
            "objectives": [
                "Add and subtract like and unlike fractions",
                "Multiply a fraction by a whole number and find a fraction of a quantity",
                "Multiply two fractions and simplify the answer",
            ],
            "keywords": ["addition", "LCM", "multiplication", "of", "product"],
            "difficulty_level": 2,
            "requires_internet": False,
            "content": {
                "version": 1,
                "blocks": [
                    {
                        "type": "text",
                        "html": (
                            "<h2>Adding and subtracting fractions</h2>"
                            "<p><strong>Like fractions</strong> have the same denominator. Add or subtract the numerators "
                            "and keep the denominator: 2/7 + 3/7 = 5/7 and 5/9 − 1/9 = 4/9.</p>"
                            "<p><strong>Unlike fractions</strong> have different denominators. First rewrite them as "
                            "equivalent fractions with a common denominator, using the LCM of the denominators.</p>"
                        ),
                    },
                    {
                        "type": "example",
                        "title": "Adding unlike fractions",
                        "problem": "Rahul drank 1/2 a glass of lassi and then 1/3 of a glass more. How much lassi did he drink?",
                        "steps": [
                            "We need 1/2 + 1/3. The LCM of 2 and 3 is 6.",
                            "1/2 = 3/6 and 1/3 = 2/6.",
                            "3/6 + 2/6 = 5/6.",
                        ],
                        "answer": "Rahul drank 5/6 of a glass of lassi.",
                    },
                    {
                        "type": "text",
                        "html": (
                            "<h2>A fraction times a whole number</h2>"
                            "<p>3 × 2/5 means 2/5 + 2/5 + 2/5 = 6/5. So multiply the numerator by the whole number: "
                            "3 × 2/5 = (3 × 2)/5 = 6/5 = 1 1/5.</p>"
                            "<h3>“Of” means multiply</h3>"
                            "<p>1/4 of ₹20 = 1/4 × 20 = ₹5.</p>"
                            "<p>2/3 of 12 mangoes = (2 × 12)/3 = 24/3 = 8 mangoes.</p>"
                        ),
                    },
                    {
                        "type": "text",
                        "html": (
                            "<h2>Multiplying two fractions</h2>"
                            "<p>Multiply the numerators together and the denominators together:</p>"
                            "<p><strong>(a/b) × (c/d) = (a × c)/(b × d)</strong></p>"
                            "<p>Half of one-third of a chikki bar is 1/2 × 1/3 = 1/6 of the bar.</p>"
                            "<p><em>Tip:</em> cancel common factors before you multiply to keep the numbers small: "
                            "4/9 × 3/8 = (1 × 1)/(3 × 2) = 1/6.</p>"
                        ),
                    },
                    {
                        "type": "example",
                        "title": "Multiplying two fractions",
                        "problem": "Find 3/4 × 2/5.",
                        "steps": [
                            "Multiply the numerators: 3 × 2 = 6.",
                            "Multiply the denominators: 4 × 5 = 20.",
                            "Simplify 6/20 by dividing both by 2: 3/10.",
                        ],
                        "answer": "3/4 × 2/5 = 3/10",
                    },
                    {
                        "type": "check",
                        "question": "What is 2/3 of 15?",
                        "options": ["5", "10", "12", "45/2"],
                        "answer_index": 1,
                        "explanation": "2/3 × 15 = (2 × 15)/3 = 30/3 = 10.",
                    },
                    {
                        "type": "key_points",
                        "points": [
                            "Add or subtract like fractions by working with the numerators only.",
                            "For unlike fractions, first change to a common denominator using the LCM.",
                            "“Of” means multiply: 2/3 of 12 = 2/3 × 12 = 8.",
                            "Fraction × fraction = (product of numerators)/(product of denominators).",
                            "The product of two proper fractions is smaller than each of them: 1/2 × 1/3 = 1/6.",
                        ],
                    },
                ],
            },
            "translations": {"hi": {"title": "भिन्नों का जोड़ और गुणा"}},
            "quizzes": [],
        },
        # ------------------------------------------------------------------ 3
        {
            "key": "fractions-divide",
            "title": "Dividing Fractions",
            "duration": 20,
            "objectives": [
                "Find the reciprocal of a fraction or whole number",
                "Divide a whole number by a fraction and a fraction by a whole number",
                "Divide one fraction by another and simplify",
            ],
            "keywords": ["division", "reciprocal", "fraction"],
            "difficulty_level": 3,
            "requires_internet": False,
            "content": {
                "version": 1,
                "blocks": [
                    {
                        "type": "text",
                        "html": (
                            "<h2>Reciprocals</h2>"
                            "<p>Two numbers whose product is 1 are <strong>reciprocals</strong> of each other. "
                            "The reciprocal of 4/7 is 7/4, because 4/7 × 7/4 = 28/28 = 1.</p>"
                            "<p>To find a reciprocal, turn the fraction upside down. A whole number like 5 is 5/1, "
                            "so its reciprocal is 1/5. Zero has no reciprocal.</p>"
                        ),
                    },
                    {
                        "type": "text",
                        "html": (
                            "<h2>Whole number ÷ fraction</h2>"
                            "<p>How many quarter-rotis can you get from 3 rotis? Each roti gives 4 quarters, "
                            "so 3 ÷ 1/4 = 3 × 4 = 12 quarters.</p>"
                            "<p>This shows the rule: <strong>dividing by a fraction is the same as multiplying by its "
                            "reciprocal</strong>.</p>"
                        ),
                    },
                    {
                        "type": "example",
                        "title": "Cutting a ribbon",
                        "problem": "A 6 m ribbon for Rakhi decorations is cut into pieces that are each 3/4 m long. How many pieces are there?",
                        "steps": [
                            "We need 6 ÷ 3/4.",
                            "The reciprocal of 3/4 is 4/3.",
                            "6 × 4/3 = 24/3 = 8.",
                        ],
                        "answer": "8 pieces",
                    },
                    {
                        "type": "text",
                        "html": (
                            "<h2>Fraction ÷ whole number</h2>"
                            "<p>Three friends share 3/4 of a cake equally. Each gets 3/4 ÷ 3 = 3/4 × 1/3 = 3/12 = 1/4 "
                            "of the cake.</p>"
                            "<h2>Fraction ÷ fraction</h2>"
                            "<p>Use the same rule: keep the first fraction, change ÷ to ×, and flip the second fraction.</p>"
                        ),
                    },
                    {
                        "type": "example",
                        "title": "Dividing a fraction by a fraction",
                        "problem": "Find 2/3 ÷ 4/9.",
                        "steps": [
                            "Write the reciprocal of the divisor 4/9: it is 9/4.",
                            "Multiply: 2/3 × 9/4 = 18/12.",
                            "Simplify by dividing both by 6: 18/12 = 3/2.",
                            "As a mixed fraction, 3/2 = 1 1/2.",
                        ],
                        "answer": "2/3 ÷ 4/9 = 3/2 = 1 1/2",
                    },
                    {
                        "type": "check",
                        "question": "What is 5 ÷ 1/2?",
                        "options": ["5/2", "10", "1/10", "2 1/2"],
                        "answer_index": 1,
                        "explanation": "5 ÷ 1/2 = 5 × 2 = 10: there are 10 halves in 5 wholes.",
                    },
                    {
                        "type": "key_points",
                        "points": [
                            "The reciprocal of a/b is b/a; a number times its reciprocal is 1.",
                            "To divide by a fraction, multiply by its reciprocal.",
                            "Dividing by a proper fraction gives a bigger answer: 3 ÷ 1/4 = 12.",
                            "Always simplify the final answer.",
                        ],
                    },
                ],
            },
            "translations": {"hi": {"title": "भिन्नों का भाग"}},
            "quizzes": [
                {
                    "key": "fraction-operations-quiz",
                    "title": "Fraction Operations Challenge",
                    "description": "Add, multiply and divide fractions, and solve roti and ribbon problems.",
                    "time_limit": 15,
                    "max_attempts": 3,
                    "passing_score": 70,
                    "randomize_questions": True,
                    "show_results_immediately": True,
                    "questions": [
                        {
                            "type": "SHORT_ANSWER",
                            "text": "Find 1/2 + 1/3. Write your answer as a fraction, like 2/7.",
                            "options": None,
                            "correct_answer": {"accepted": ["5/6"], "case_sensitive": False},
                            "explanation": "The LCM of 2 and 3 is 6: 1/2 + 1/3 = 3/6 + 2/6 = 5/6.",
                            "difficulty": 2,
                            "tags": ["addition"],
                        },
                        {
                            "type": "SHORT_ANSWER",
                            "text": "A family has 12 rotis. They eat 3/4 of them at dinner. How many rotis do they eat?",
                            "options": None,
                            "correct_answer": {"numeric": 9, "tolerance": 0},
                            "explanation": "3/4 of 12 = (3 × 12)/4 = 36/4 = 9 rotis.",
                            "difficulty": 2,
                            "tags": ["fraction-of-quantity"],
                        },
                        {
                            "type": "MULTIPLE_CHOICE",
                            "text": "What is 3/4 × 2/5?",
                            "options": ["5/9", "3/10", "8/15", "15/8"],
                            "correct_answer": {"correct": [1]},
                            "explanation": "(3 × 2)/(4 × 5) = 6/20 = 3/10.",
                            "difficulty": 2,
                            "tags": ["multiplication"],
                        },
                        {
                            "type": "TRUE_FALSE",
                            "text": "Dividing a number by 1/2 is the same as multiplying it by 2.",
                            "options": None,
                            "correct_answer": {"value": True},
                            "explanation": "The reciprocal of 1/2 is 2, and dividing by a fraction means multiplying by its reciprocal.",
                            "difficulty": 2,
                            "tags": ["division", "reciprocal"],
                        },
                        {
                            "type": "FILL_BLANK",
                            "text": "The reciprocal of 4/7 is [[1]], and the reciprocal of 5 is [[2]].",
                            "options": None,
                            "correct_answer": {"blanks": [["7/4", "1 3/4"], ["1/5"]], "case_sensitive": False},
                            "explanation": "Turn the fraction upside down: 4/7 → 7/4. 5 = 5/1, so its reciprocal is 1/5.",
                            "difficulty": 2,
                            "tags": ["reciprocal"],
                        },
                        {
                            "type": "ORDERING",
                            "text": "Put the steps for working out 2/3 ÷ 4/9 in the correct order.",
                            "options": [
                                "Simplify 18/12 to 3/2",
                                "Write the reciprocal of the divisor: 9/4",
                                "Multiply: 2/3 × 9/4 = 18/12",
                                "Write the answer as a mixed fraction: 1 1/2",
                            ],
                            "correct_answer": {"order": [1, 2, 0, 3]},
                            "explanation": "Flip the divisor first, then multiply, then simplify, and finally convert to a mixed fraction.",
                            "points": 2,
                            "difficulty": 3,
                            "tags": ["division"],
                        },
                        {
                            "type": "MATCHING",
                            "text": "Match each calculation with its answer.",
                            "options": {
                                "left": ["2/3 of 15", "5 × 2/5", "1/2 × 1/2", "3 ÷ 1/4"],
                                "right": ["12", "1/4", "10", "2", "3/4"],
                            },
                            "correct_answer": {"pairs": [[0, 2], [1, 3], [2, 1], [3, 0]]},
                            "explanation": "2/3 × 15 = 10; 5 × 2/5 = 10/5 = 2; 1/2 × 1/2 = 1/4; 3 ÷ 1/4 = 3 × 4 = 12. 3/4 is not used.",
                            "points": 2,
                            "difficulty": 3,
                            "tags": ["multiplication", "division"],
                        },
                        {
                            "type": "ESSAY",
                            "text": (
                                "Meera says that 3 ÷ 1/4 = 3/4. Is she right? Explain your answer using rotis "
                                "(or any other real-life example) so that a classmate could understand."
                            ),
                            "options": None,
                            "correct_answer": {
                                "rubric": (
                                    "5 points: says Meera is wrong (1); gives the correct answer 12 (1); explains that dividing "
                                    "by 1/4 asks how many quarters fit into 3 (1); uses a clear real-life example such as "
                                    "3 rotis cut into quarters giving 12 pieces (1); mentions multiplying by the reciprocal "
                                    "or notes that 3/4 is 3 × 1/4, not 3 ÷ 1/4 (1)."
                                ),
                                "sample_answer": (
                                    "Meera is not right. 3 ÷ 1/4 asks how many quarter pieces we can get from 3 whole things. "
                                    "If I cut each of 3 rotis into 4 equal quarters, I get 4 + 4 + 4 = 12 quarter-rotis, so "
                                    "3 ÷ 1/4 = 12. Dividing by a fraction is the same as multiplying by its reciprocal: "
                                    "3 × 4 = 12. Meera found 3 × 1/4 = 3/4 instead, which means one quarter of 3 rotis."
                                ),
                                "min_words": 40,
                            },
                            "explanation": "3 ÷ 1/4 = 3 × 4 = 12, because 12 quarter-rotis make 3 rotis. 3/4 is 3 × 1/4, a different question.",
                            "points": 5,
                            "difficulty": 4,
                            "tags": ["division", "reasoning"],
                        },
                    ],
                }
            ],
        },
        # ------------------------------------------------------------------ 4
        {
            "key": "decimals-place-value",
            "title": "Decimals and Place Value",
            "duration": 15,
            "objectives": [
                "Read tenths and hundredths and use place value in decimals",
                "Convert simple fractions to decimals",
                "Compare decimals and multiply or divide them by 10, 100 and 1000",
            ],
            "keywords": ["decimal", "tenths", "hundredths", "place value", "paise"],
            "difficulty_level": 2,
            "requires_internet": False,
            "content": {
                "version": 1,
                "blocks": [
                    {
                        "type": "text",
                        "html": (
                            "<h2>Decimals are fractions in tens</h2>"
                            "<p>A decimal is another way of writing a fraction whose denominator is 10, 100, 1000 and so on. "
                            "0.7 = 7/10 (seven tenths) and 0.07 = 7/100 (seven hundredths).</p>"
                            "<p>You see decimals every day: ₹12.75 means 12 rupees and 75 paise, because 1 paisa is "
                            "1/100 of a rupee.</p>"
                        ),
                    },
                    {
                        "type": "text",
                        "html": (
                            "<h3>Place value</h3>"
                            "<p>In the number 345.67:</p>"
                            "<ul><li>3 is in the hundreds place (300)</li><li>4 is in the tens place (40)</li>"
                            "<li>5 is in the ones place (5)</li><li>6 is in the tenths place (6/10)</li>"
                            "<li>7 is in the hundredths place (7/100)</li></ul>"
                        ),
                    },
                    {
                        "type": "text",
                        "html": (
                            "<h3>Fractions to decimals</h3>"
                            "<p>Make the denominator 10, 100 or 1000: 3/4 = 75/100 = 0.75, 2/5 = 4/10 = 0.4 and "
                            "1/8 = 125/1000 = 0.125.</p>"
                            "<h3>Comparing decimals</h3>"
                            "<p>Compare the whole-number parts first, then the tenths, then the hundredths. Which is bigger, "
                            "0.5 or 0.45? Write 0.5 as 0.50: it has 5 tenths, while 0.45 has only 4 tenths. So 0.5 &gt; 0.45, "
                            "even though 45 looks bigger than 5!</p>"
                        ),
                    },
                    {
                        "type": "example",
                        "title": "Moving the decimal point",
                        "problem": "Find 3.45 × 10, 3.45 × 100, 3.45 ÷ 10 and 3.45 ÷ 100.",
                        "steps": [
                            "Multiplying by 10 moves the decimal point 1 place to the right: 3.45 × 10 = 34.5.",
                            "Multiplying by 100 moves it 2 places to the right: 3.45 × 100 = 345.",
                            "Dividing by 10 moves it 1 place to the left: 3.45 ÷ 10 = 0.345.",
                            "Dividing by 100 moves it 2 places to the left: 3.45 ÷ 100 = 0.0345.",
                        ],
                        "answer": "34.5, 345, 0.345 and 0.0345",
                    },
                    {
                        "type": "video",
                        "url": "https://diksha.gov.in/",
                        "title": "DIKSHA, the free national learning platform: search “Class 7 decimals” for NCERT-aligned videos",
                        "duration_seconds": None,
                    },
                    {
                        "type": "check",
                        "question": "Which is bigger: 0.8 or 0.75?",
                        "options": ["0.75", "0.8", "They are equal"],
                        "answer_index": 1,
                        "explanation": "0.8 = 0.80 has 8 tenths; 0.75 has only 7 tenths. So 0.8 is bigger.",
                    },
                    {
                        "type": "key_points",
                        "points": [
                            "The first place after the decimal point is tenths, the second is hundredths, the third is thousandths.",
                            "₹1 = 100 paise, so ₹12.75 is 12 rupees 75 paise.",
                            "Compare decimals place by place, starting from the left.",
                            "× 10, 100, 1000 moves the point right by 1, 2, 3 places; ÷ moves it left.",
                        ],
                    },
                ],
            },
            "translations": {"hi": {"title": "दशमलव और स्थानीय मान"}},
            "quizzes": [],
        },
        # ------------------------------------------------------------------ 5
        {
            "key": "decimals-multiply-divide",
            "title": "Multiplying and Dividing Decimals",
            "duration": 20,
            "objectives": [
                "Multiply two decimals by counting decimal places",
                "Divide a decimal by a whole number",
                "Divide by a decimal by first making the divisor a whole number",
            ],
            "keywords": ["decimal", "multiplication", "division", "money"],
            "difficulty_level": 3,
            "requires_internet": False,
            "content": {
                "version": 1,
                "blocks": [
                    {
                        "type": "text",
                        "html": (
                            "<h2>Multiplying decimals</h2>"
                            "<ol><li>Ignore the decimal points and multiply as whole numbers.</li>"
                            "<li>Count the total number of decimal places in both numbers.</li>"
                            "<li>Put that many decimal places in the answer.</li></ol>"
                            "<p>1.2 × 0.3: first 12 × 3 = 36. There are 1 + 1 = 2 decimal places, so the answer is 0.36.</p>"
                        ),
                    },
                    {
                        "type": "example",
                        "title": "Shopping at the sabzi mandi",
                        "problem": "Tomatoes cost ₹32.50 per kg. How much do 2.4 kg cost?",
                        "steps": [
                            "Ignore the points: 3250 × 24 = 78000.",
                            "Decimal places: 2 (in 32.50) + 1 (in 2.4) = 3.",
                            "Put 3 decimal places in the answer: 78.000 = 78.",
                        ],
                        "answer": "2.4 kg of tomatoes cost ₹78.",
                    },
                    {
                        "type": "text",
                        "html": (
                            "<h2>Dividing a decimal by a whole number</h2>"
                            "<p>Divide as usual and keep the decimal point in the same place: 7.5 ÷ 3 = 2.5 and "
                            "8.4 ÷ 4 = 2.1.</p>"
                            "<h2>Dividing by a decimal</h2>"
                            "<p>First make the divisor a whole number by multiplying <em>both</em> numbers by 10, 100 … "
                            "Then divide. 4.8 ÷ 0.6 = 48 ÷ 6 = 8. Multiplying both numbers by the same amount does not "
                            "change the answer.</p>"
                        ),
                    },
                    {
                        "type": "example",
                        "title": "Sashes for Republic Day",
                        "problem": "A 7.2 m strip of cloth is cut into sashes of 0.9 m each. How many sashes can be made?",
                        "steps": [
                            "We need 7.2 ÷ 0.9.",
                            "Multiply both numbers by 10 to make the divisor whole: 72 ÷ 9.",
                            "72 ÷ 9 = 8.",
                        ],
                        "answer": "8 sashes",
                    },
                    {
                        "type": "check",
                        "question": "What is 0.2 × 0.4?",
                        "options": ["0.8", "0.08", "0.008", "8"],
                        "answer_index": 1,
                        "explanation": "2 × 4 = 8, and there are 1 + 1 = 2 decimal places, so 0.2 × 0.4 = 0.08.",
                    },
                    {
                        "type": "key_points",
                        "points": [
                            "When multiplying decimals, the answer has as many decimal places as both numbers together.",
                            "When dividing by a whole number, keep the decimal point in line.",
                            "When dividing by a decimal, multiply both numbers by 10, 100 … until the divisor is whole.",
                            "Estimate first: 32.50 × 2.4 is about 30 × 2 = 60, so ₹78 is sensible.",
                        ],
                    },
                ],
            },
            "translations": {"hi": {"title": "दशमलवों का गुणा और भाग"}},
            "quizzes": [],
        },
        # ------------------------------------------------------------------ 6
        {
            "key": "integers-number-line",
            "title": "Integers on the Number Line",
            "duration": 20,
            "objectives": [
                "Use integers to describe real situations such as temperature and money",
                "Add and subtract integers using the number line",
                "Multiply and divide integers using the sign rules",
            ],
            "keywords": ["integers", "negative numbers", "number line", "additive inverse", "sign rules"],
            "difficulty_level": 3,
            "requires_internet": False,
            "content": {
                "version": 1,
                "blocks": [
                    {
                        "type": "text",
                        "html": (
                            "<h2>What are integers?</h2>"
                            "<p>Integers are the numbers … −3, −2, −1, 0, 1, 2, 3 … They include the negative numbers, "
                            "zero and the positive numbers.</p>"
                            "<p>Negative numbers describe things below zero. On a winter night in Dras, Ladakh, the "
                            "temperature can fall below −20 °C. A loss of ₹50 can be written as −50.</p>"
                        ),
                    },
                    {
                        "type": "image",
                        "src": "demo/number-line.svg",
                        "alt": "A number line from −5 to 5 with an arrow that starts at −3 and jumps 5 steps to the right, ending at 2",
                        "caption": "−3 + 5: start at −3 and move 5 steps to the right to reach 2.",
                        "width": 360,
                        "height": 140,
                    },
                    {
                        "type": "text",
                        "html": (
                            "<h3>Adding integers</h3>"
                            "<ul><li>Adding a positive number: move right. −3 + 5 = 2.</li>"
                            "<li>Adding a negative number: move left. 4 + (−6) = −2.</li>"
                            "<li>Same signs: add the sizes and keep the sign. (−4) + (−3) = −7.</li>"
                            "<li>Different signs: subtract the smaller size from the bigger one and keep the sign of the "
                            "bigger. (−9) + 4 = −5.</li></ul>"
                            "<h3>Subtracting integers</h3>"
                            "<p>To subtract an integer, add its opposite (its <strong>additive inverse</strong>): "
                            "2 − (−4) = 2 + 4 = 6. Taking away a debt of ₹4 is like getting ₹4!</p>"
                        ),
                    },
                    {
                        "type": "example",
                        "title": "A day in Leh",
                        "problem": (
                            "At 6 a.m. the temperature in Leh was −7 °C. By noon it had risen by 12 °C. By midnight it "
                            "had fallen by 9 °C from the noon temperature. What was the temperature at noon and at midnight?"
                        ),
                        "steps": [
                            "Noon: −7 + 12 = 5 °C.",
                            "Midnight: 5 − 9 = −4 °C.",
                        ],
                        "answer": "5 °C at noon and −4 °C at midnight",
                    },
                    {
                        "type": "text",
                        "html": (
                            "<h3>Multiplying and dividing integers</h3>"
                            "<ul><li>positive × positive = positive: 3 × 6 = 18</li>"
                            "<li>positive × negative = negative: 3 × (−6) = −18</li>"
                            "<li>negative × negative = positive: (−4) × (−5) = 20</li>"
                            "<li>Division follows the same sign rules: (−20) ÷ 4 = −5 and (−20) ÷ (−4) = 5.</li></ul>"
                            "<p>With many factors, count the negative signs: an <strong>even</strong> number of them gives a "
                            "positive answer, an <strong>odd</strong> number gives a negative answer.</p>"
                        ),
                    },
                    {
                        "type": "check",
                        "question": "What is (−2) × (−3) × (−1)?",
                        "options": ["6", "−6", "−5", "5"],
                        "answer_index": 1,
                        "explanation": "There are three negative signs (an odd number), so the answer is negative: 2 × 3 × 1 = 6, giving −6.",
                    },
                    {
                        "type": "key_points",
                        "points": [
                            "On the number line, adding a positive number moves right and adding a negative number moves left.",
                            "Subtracting an integer is the same as adding its additive inverse: a − (−b) = a + b.",
                            "Same signs multiply or divide to give a positive answer; different signs give a negative answer.",
                            "Zero is neither positive nor negative.",
                        ],
                    },
                ],
            },
            "translations": {"hi": {"title": "संख्या रेखा पर पूर्णांक"}},
            "quizzes": [
                {
                    "key": "decimals-integers-quiz",
                    "title": "Decimals and Integers Quiz",
                    "description": "Multiply and divide decimals, work with money, and use integer sign rules.",
                    "time_limit": 15,
                    "max_attempts": 3,
                    "passing_score": 70,
                    "randomize_questions": True,
                    "show_results_immediately": True,
                    "questions": [
                        {
                            "type": "SHORT_ANSWER",
                            "text": "Work out 1.2 × 0.3.",
                            "options": None,
                            "correct_answer": {"numeric": 0.36, "tolerance": 0.0001},
                            "explanation": "12 × 3 = 36 and there are 2 decimal places in total, so 1.2 × 0.3 = 0.36.",
                            "difficulty": 2,
                            "tags": ["decimals", "multiplication"],
                        },
                        {
                            "type": "MULTIPLE_CHOICE",
                            "text": "Which of these decimals is the largest?",
                            "options": ["0.5", "0.45", "0.405", "0.054"],
                            "correct_answer": {"correct": [0]},
                            "explanation": "Compare tenths first: 0.5 has 5 tenths, 0.45 and 0.405 have 4 tenths and 0.054 has 0 tenths.",
                            "difficulty": 2,
                            "tags": ["decimals", "comparing"],
                        },
                        {
                            "type": "TRUE_FALSE",
                            "text": "(−4) × (−5) = −20",
                            "options": None,
                            "correct_answer": {"value": False},
                            "explanation": "A negative times a negative is positive: (−4) × (−5) = 20.",
                            "difficulty": 2,
                            "tags": ["integers", "sign-rules"],
                        },
                        {
                            "type": "FILL_BLANK",
                            "text": "−3 + 5 = [[1]] and 2 − (−4) = [[2]].",
                            "options": None,
                            "correct_answer": {"blanks": [["2", "+2"], ["6", "+6"]], "case_sensitive": False},
                            "explanation": "From −3 move 5 steps right to reach 2. Subtracting −4 is adding 4: 2 + 4 = 6.",
                            "difficulty": 2,
                            "tags": ["integers"],
                        },
                        {
                            "type": "ORDERING",
                            "text": "Arrange these temperatures from the coldest to the warmest.",
                            "options": ["3 °C in Shimla", "−8 °C in Dras", "0 °C in melting ice", "−2 °C in Manali"],
                            "correct_answer": {"order": [1, 3, 2, 0]},
                            "explanation": "On the number line −8 < −2 < 0 < 3.",
                            "points": 2,
                            "difficulty": 2,
                            "tags": ["integers", "comparing"],
                        },
                        {
                            "type": "MATCHING",
                            "text": "Match each calculation with its answer.",
                            "options": {
                                "left": ["25.6 × 10", "25.6 ÷ 10", "25.6 × 100", "25.6 ÷ 100"],
                                "right": ["2.56", "2560", "256", "0.256"],
                            },
                            "correct_answer": {"pairs": [[0, 2], [1, 0], [2, 1], [3, 3]]},
                            "explanation": "× 10 and × 100 move the point 1 and 2 places right (256, 2560); ÷ 10 and ÷ 100 move it left (2.56, 0.256).",
                            "points": 2,
                            "difficulty": 2,
                            "tags": ["decimals", "place-value"],
                        },
                        {
                            "type": "SHORT_ANSWER",
                            "text": "Ria buys 3 pens at ₹12.50 each. How many rupees does she pay in all?",
                            "options": None,
                            "correct_answer": {"numeric": 37.5, "tolerance": 0.001},
                            "explanation": "3 × 12.50 = 37.50, so she pays ₹37.50.",
                            "difficulty": 2,
                            "tags": ["decimals", "money"],
                        },
                        {
                            "type": "MULTIPLE_CHOICE",
                            "text": "Which of these products are positive? Choose all that apply.",
                            "options": ["(−3) × (−7)", "(−2) × 5", "(−1) × (−1) × (−1)", "(−4) × (−2) × 3"],
                            "correct_answer": {"correct": [0, 3]},
                            "explanation": "(−3) × (−7) = 21 and (−4) × (−2) × 3 = 24 are positive. (−2) × 5 = −10 and (−1) × (−1) × (−1) = −1 are negative.",
                            "difficulty": 3,
                            "tags": ["integers", "sign-rules"],
                        },
                    ],
                }
            ],
        },
    ],
}
