"""Grade 7 Science demo course: nutrition in plants, respiration, heat, acids/bases, water.

Pure data; the format is described in docs/content-format.md.
"""

COURSE = {
    "key": "g7-science",
    "title": "Science Around Us: Plants, Heat, Acids and Water",
    "description": (
        "Why do leaves need sunlight? Why does a haldi stain turn red with soap? Why does a breeze blow "
        "from the sea? This grade 7 course explores nutrition in plants, respiration, heat, acids and "
        "bases, and why water is precious, with simple activities you can try at home."
    ),
    "subject": "Science",
    "grade": 7,
    "difficulty": "MEDIUM",
    "estimated_hours": 6,
    "learning_objectives": [
        "Explain photosynthesis and the other modes of nutrition in plants",
        "Describe aerobic and anaerobic respiration and how different organisms breathe",
        "Measure temperature and explain conduction, convection and radiation",
        "Test acids and bases with indicators and explain neutralisation in daily life",
        "Explain groundwater and suggest ways to conserve water",
    ],
    "prerequisites": [],
    "translations": {
        "hi": {
            "title": "हमारे आस-पास का विज्ञान: पौधे, ऊष्मा, अम्ल और जल",
            "description": (
                "पत्तियों को धूप क्यों चाहिए? साबुन लगने पर हल्दी का दाग लाल क्यों हो जाता है? समुद्र की ओर से हवा क्यों "
                "चलती है? कक्षा 7 का यह पाठ्यक्रम पौधों में पोषण, श्वसन, ऊष्मा, अम्ल और क्षारक, और जल के महत्व को "
                "ऐसे सरल प्रयोगों के साथ समझाता है जिन्हें आप घर पर भी कर सकते हैं।"
            ),
        }
    },
    "lessons": [
        # ------------------------------------------------------------------ 1
        {
            "key": "nutrition-in-plants",
            "title": "Nutrition in Plants",
            "duration": 20,
            "objectives": [
                "Tell autotrophs and heterotrophs apart",
                "Explain what a leaf needs for photosynthesis and what it makes",
                "Describe parasitic, insectivorous, saprotrophic and symbiotic nutrition",
            ],
            "keywords": ["photosynthesis", "chlorophyll", "stomata", "autotroph", "parasite", "saprotroph"],
            "difficulty_level": 2,
            "requires_internet": False,
            "content": {
                "version": 1,
                "blocks": [
                    {
                        "type": "text",
                        "html": (
                            "<h2>Why do living things need food?</h2>"
                            "<p>All living things need food to get energy, to grow and to repair their bodies. "
                            "The way an organism takes in food and uses it is called <strong>nutrition</strong>.</p>"
                            "<p>Green plants make their own food, so they are called <strong>autotrophs</strong> "
                            "(auto = self, trophos = nourishment). Animals, including us, cannot make food and depend "
                            "on plants directly or indirectly. They are <strong>heterotrophs</strong>.</p>"
                        ),
                    },
                    {
                        "type": "text",
                        "html": (
                            "<h2>The leaf: a food factory</h2>"
                            "<p>Leaves contain a green pigment called <strong>chlorophyll</strong>, which traps energy "
                            "from sunlight. Using this energy, leaves make food from carbon dioxide and water. This process "
                            "is called <strong>photosynthesis</strong>.</p>"
                            "<p>Carbon dioxide from the air enters through tiny pores on the leaf called "
                            "<strong>stomata</strong>. Water and minerals are absorbed by the roots and carried up to the "
                            "leaves through pipe-like vessels in the stem.</p>"
                        ),
                    },
                    {
                        "type": "image",
                        "src": "demo/leaf-photosynthesis.svg",
                        "alt": "A green leaf with arrows: sunlight and carbon dioxide going in, water coming up from the roots, and oxygen going out",
                        "caption": "Carbon dioxide + water → carbohydrate (glucose) + oxygen, using sunlight trapped by chlorophyll.",
                        "width": 340,
                        "height": 220,
                    },
                    {
                        "type": "text",
                        "html": (
                            "<p>We can write photosynthesis as a word equation:</p>"
                            "<p><strong>carbon dioxide + water → carbohydrate + oxygen</strong><br>"
                            "(in the presence of sunlight and chlorophyll)</p>"
                            "<p>The carbohydrate first made is a sugar called glucose; extra glucose is changed into "
                            "<strong>starch</strong> and stored. The oxygen is released into the air, and it is the oxygen "
                            "that we and other animals breathe.</p>"
                            "<p>Leaves that are red or brown, like those of some crotons, also have chlorophyll. "
                            "Its green colour is hidden by the other pigments.</p>"
                        ),
                    },
                    {
                        "type": "example",
                        "title": "Activity: test a leaf for starch",
                        "problem": "How can we show that a leaf makes starch only when it gets sunlight?",
                        "steps": [
                            "Take two potted plants of the same kind. Keep one in a dark room for 72 hours and the other in sunlight.",
                            "With your teacher's help, boil one leaf from each plant in alcohol (in a water bath) to remove the chlorophyll, then rinse it in water.",
                            "Put a few drops of dilute iodine solution on each leaf.",
                            "Compare the colours of the two leaves.",
                        ],
                        "answer": (
                            "The leaf from the sunlight turns blue-black, which shows that starch is present. The leaf "
                            "kept in the dark does not turn blue-black, because without light it could not photosynthesise."
                        ),
                    },
                    {
                        "type": "text",
                        "html": (
                            "<h2>Other modes of nutrition</h2>"
                            "<ul>"
                            "<li><strong>Parasitic:</strong> Cuscuta (amarbel) is a yellow, wiry plant with no chlorophyll. "
                            "It climbs on a host plant and takes ready-made food from it.</li>"
                            "<li><strong>Insectivorous:</strong> the pitcher plant traps insects in its pitcher-shaped leaf and "
                            "digests them. It is green and makes its own food, but gets extra nitrogen from insects.</li>"
                            "<li><strong>Saprotrophic:</strong> fungi such as mushrooms and bread mould take in nutrients from "
                            "dead and decaying matter. That is why fungus grows on pickles and leather in the humid monsoon.</li>"
                            "<li><strong>Symbiotic:</strong> in a lichen, an alga makes food and a fungus gives shelter, water "
                            "and minerals. Rhizobium bacteria in the roots of gram and peas give the plant nitrogen and get food "
                            "in return.</li>"
                            "</ul>"
                        ),
                    },
                    {
                        "type": "check",
                        "question": "Through which part of the leaf does carbon dioxide enter?",
                        "options": ["Chlorophyll", "Stomata", "Veins", "Roots"],
                        "answer_index": 1,
                        "explanation": "Stomata are tiny pores on the leaf surface through which gases like carbon dioxide and oxygen move in and out.",
                    },
                    {
                        "type": "key_points",
                        "points": [
                            "Green plants are autotrophs; animals are heterotrophs.",
                            "Photosynthesis needs carbon dioxide, water, sunlight and chlorophyll, and makes carbohydrate and oxygen.",
                            "Iodine turns blue-black when starch is present.",
                            "Cuscuta is a parasite, the pitcher plant is insectivorous, fungi are saprotrophs and lichens show symbiosis.",
                        ],
                    },
                ],
            },
            "translations": {
                "hi": {
                    "title": "पौधों में पोषण",
                    "content": {
                        "version": 1,
                        "blocks": [
                            {
                                "type": "text",
                                "html": (
                                    "<h2>सजीवों को भोजन क्यों चाहिए?</h2>"
                                    "<p>सभी सजीवों को ऊर्जा पाने, बढ़ने और शरीर की मरम्मत के लिए भोजन चाहिए। "
                                    "कोई जीव भोजन कैसे लेता है और उसका उपयोग कैसे करता है, इसे <strong>पोषण</strong> कहते हैं।</p>"
                                    "<p>हरे पौधे अपना भोजन स्वयं बनाते हैं, इसलिए उन्हें <strong>स्वपोषी</strong> कहते हैं। "
                                    "हम सहित सभी जंतु भोजन नहीं बना सकते और सीधे या परोक्ष रूप से पौधों पर निर्भर रहते हैं। "
                                    "वे <strong>विषमपोषी</strong> कहलाते हैं।</p>"
                                ),
                            },
                            {
                                "type": "text",
                                "html": (
                                    "<h2>पत्ती: भोजन का कारखाना</h2>"
                                    "<p>पत्तियों में <strong>क्लोरोफ़िल</strong> नाम का एक हरा वर्णक होता है, जो सूर्य के प्रकाश "
                                    "की ऊर्जा को ग्रहण करता है। इस ऊर्जा से पत्तियाँ कार्बन डाइऑक्साइड और जल से भोजन बनाती हैं। "
                                    "इस प्रक्रिया को <strong>प्रकाश संश्लेषण</strong> कहते हैं।</p>"
                                    "<p>हवा की कार्बन डाइऑक्साइड पत्ती के छोटे-छोटे छिद्रों से अंदर जाती है, जिन्हें "
                                    "<strong>रंध्र</strong> कहते हैं। जल और खनिज जड़ों द्वारा सोखे जाते हैं और तने की नली जैसी "
                                    "वाहिकाओं से पत्तियों तक पहुँचते हैं।</p>"
                                ),
                            },
                            {
                                "type": "image",
                                "src": "demo/leaf-photosynthesis.svg",
                                "alt": "एक हरी पत्ती, जिसमें तीर दिखाते हैं: सूर्य का प्रकाश और कार्बन डाइऑक्साइड अंदर जाते हैं, जड़ों से जल ऊपर आता है और ऑक्सीजन बाहर निकलती है",
                                "caption": "कार्बन डाइऑक्साइड + जल → कार्बोहाइड्रेट (ग्लूकोज़) + ऑक्सीजन, क्लोरोफ़िल द्वारा ग्रहण किए गए सूर्य के प्रकाश की सहायता से।",
                                "width": 340,
                                "height": 220,
                            },
                            {
                                "type": "text",
                                "html": (
                                    "<p>प्रकाश संश्लेषण को शब्द-समीकरण के रूप में ऐसे लिखते हैं:</p>"
                                    "<p><strong>कार्बन डाइऑक्साइड + जल → कार्बोहाइड्रेट + ऑक्सीजन</strong><br>"
                                    "(सूर्य के प्रकाश और क्लोरोफ़िल की उपस्थिति में)</p>"
                                    "<p>सबसे पहले बनने वाला कार्बोहाइड्रेट ग्लूकोज़ नाम की शर्करा है; अतिरिक्त ग्लूकोज़ "
                                    "<strong>मंड (स्टार्च)</strong> में बदलकर जमा हो जाता है। ऑक्सीजन हवा में छोड़ दी जाती है, "
                                    "और यही ऑक्सीजन हम और दूसरे जंतु साँस में लेते हैं।</p>"
                                    "<p>लाल या भूरी पत्तियों में भी, जैसे कुछ क्रोटन की पत्तियों में, क्लोरोफ़िल होता है। "
                                    "दूसरे वर्णकों के कारण उसका हरा रंग छिप जाता है।</p>"
                                ),
                            },
                            {
                                "type": "example",
                                "title": "क्रियाकलाप: पत्ती में मंड की जाँच",
                                "problem": "हम कैसे दिखाएँ कि पत्ती केवल धूप मिलने पर ही मंड बनाती है?",
                                "steps": [
                                    "एक ही प्रकार के दो गमले वाले पौधे लीजिए। एक को 72 घंटे अँधेरे कमरे में और दूसरे को धूप में रखिए।",
                                    "शिक्षक की मदद से दोनों पौधों की एक-एक पत्ती को ऐल्कोहॉल में (जल-ऊष्मक में रखकर) उबालिए ताकि क्लोरोफ़िल निकल जाए, फिर पानी से धो लीजिए।",
                                    "हर पत्ती पर तनु आयोडीन विलयन की कुछ बूँदें डालिए।",
                                    "दोनों पत्तियों के रंग की तुलना कीजिए।",
                                ],
                                "answer": (
                                    "धूप वाली पत्ती नीली-काली हो जाती है, जिससे पता चलता है कि उसमें मंड है। अँधेरे में रखी "
                                    "पत्ती नीली-काली नहीं होती, क्योंकि प्रकाश के बिना वह प्रकाश संश्लेषण नहीं कर सकी।"
                                ),
                            },
                            {
                                "type": "text",
                                "html": (
                                    "<h2>पोषण के अन्य तरीके</h2>"
                                    "<ul>"
                                    "<li><strong>परजीवी:</strong> अमरबेल (कस्कुटा) एक पीली, धागे जैसी बेल है जिसमें क्लोरोफ़िल "
                                    "नहीं होता। यह किसी पोषक पौधे पर चढ़कर उससे बना-बनाया भोजन लेती है।</li>"
                                    "<li><strong>कीटभक्षी:</strong> घटपर्णी (पिचर प्लांट) अपनी घड़े जैसी पत्ती में कीटों को "
                                    "फँसाकर पचा लेता है। यह हरा है और अपना भोजन भी बनाता है, पर कीटों से अतिरिक्त नाइट्रोजन पाता है।</li>"
                                    "<li><strong>मृतजीवी:</strong> मशरूम और ब्रेड पर उगने वाली फफूँद जैसे कवक मृत और सड़ते पदार्थों से "
                                    "पोषक तत्व लेते हैं। इसीलिए नमी वाले मानसून में अचार और चमड़े पर फफूँद लग जाती है।</li>"
                                    "<li><strong>सहजीवी:</strong> लाइकेन में एक शैवाल भोजन बनाता है और एक कवक उसे आश्रय, जल और खनिज "
                                    "देता है। चने और मटर की जड़ों में रहने वाले राइज़ोबियम जीवाणु पौधे को नाइट्रोजन देते हैं और बदले में भोजन पाते हैं।</li>"
                                    "</ul>"
                                ),
                            },
                            {
                                "type": "check",
                                "question": "पत्ती के किस भाग से कार्बन डाइऑक्साइड अंदर जाती है?",
                                "options": ["क्लोरोफ़िल", "रंध्र", "शिराएँ", "जड़ें"],
                                "answer_index": 1,
                                "explanation": "रंध्र पत्ती की सतह पर बने छोटे छिद्र हैं, जिनसे कार्बन डाइऑक्साइड और ऑक्सीजन जैसी गैसें अंदर-बाहर आती-जाती हैं।",
                            },
                            {
                                "type": "key_points",
                                "points": [
                                    "हरे पौधे स्वपोषी हैं; जंतु विषमपोषी हैं।",
                                    "प्रकाश संश्लेषण के लिए कार्बन डाइऑक्साइड, जल, सूर्य का प्रकाश और क्लोरोफ़िल चाहिए; इससे कार्बोहाइड्रेट और ऑक्सीजन बनते हैं।",
                                    "मंड होने पर आयोडीन नीला-काला हो जाता है।",
                                    "अमरबेल परजीवी है, घटपर्णी कीटभक्षी है, कवक मृतजीवी हैं और लाइकेन सहजीवन का उदाहरण है।",
                                ],
                            },
                        ],
                    },
                }
            },
            "quizzes": [
                {
                    "key": "plant-nutrition-quiz",
                    "title": "Leaf Lab: Nutrition in Plants",
                    "description": "Photosynthesis, the starch test and the different ways plants and fungi get food.",
                    "time_limit": 12,
                    "max_attempts": 3,
                    "passing_score": 70,
                    "randomize_questions": False,
                    "show_results_immediately": True,
                    "questions": [
                        {
                            "type": "MULTIPLE_CHOICE",
                            "text": "Which pigment in leaves traps the energy of sunlight?",
                            "options": ["Haemoglobin", "Chlorophyll", "Melanin", "Keratin"],
                            "correct_answer": {"correct": [1]},
                            "explanation": "Chlorophyll is the green pigment in leaves that captures light energy for photosynthesis.",
                            "difficulty": 1,
                            "tags": ["photosynthesis"],
                        },
                        {
                            "type": "FILL_BLANK",
                            "text": "Tiny pores on the leaf called [[1]] let carbon dioxide in and let [[2]] out during photosynthesis.",
                            "options": None,
                            "correct_answer": {
                                "blanks": [["stomata", "stoma"], ["oxygen", "o2", "oxygen gas"]],
                                "case_sensitive": False,
                            },
                            "explanation": "Gases move through the stomata: carbon dioxide goes in and the oxygen made in photosynthesis goes out.",
                            "difficulty": 2,
                            "tags": ["photosynthesis", "stomata"],
                        },
                        {
                            "type": "TRUE_FALSE",
                            "text": "Cuscuta (amarbel) is a parasite that takes food from the plant it climbs on.",
                            "options": None,
                            "correct_answer": {"value": True},
                            "explanation": "Cuscuta has no chlorophyll, so it cannot make food; it takes ready-made food from its host plant.",
                            "difficulty": 1,
                            "tags": ["modes-of-nutrition"],
                        },
                        {
                            "type": "MATCHING",
                            "text": "Match each organism with the way it gets its nutrition.",
                            "options": {
                                "left": ["Pitcher plant", "Mushroom", "Cuscuta (amarbel)", "Lichen"],
                                "right": [
                                    "Saprotrophic: feeds on dead and decaying matter",
                                    "Insectivorous: traps and digests insects",
                                    "Symbiotic: an alga and a fungus live together",
                                    "Parasitic: takes food from a host plant",
                                ],
                            },
                            "correct_answer": {"pairs": [[0, 1], [1, 0], [2, 3], [3, 2]]},
                            "explanation": "Pitcher plant: insectivorous. Mushroom: saprotroph. Cuscuta: parasite. Lichen: symbiosis of alga and fungus.",
                            "points": 2,
                            "difficulty": 2,
                            "tags": ["modes-of-nutrition"],
                        },
                        {
                            "type": "SHORT_ANSWER",
                            "text": "A leaf is boiled in alcohol and then iodine solution is added. If starch is present, what colour does the leaf turn?",
                            "options": None,
                            "correct_answer": {
                                "accepted": ["blue*black", "bluish*black", "blue", "dark blue", "black"],
                                "case_sensitive": False,
                            },
                            "explanation": "Iodine turns blue-black in the presence of starch.",
                            "difficulty": 2,
                            "tags": ["starch-test"],
                        },
                        {
                            "type": "ORDERING",
                            "text": "Put these steps of how a leaf makes and stores food in order.",
                            "options": [
                                "Glucose is made and oxygen is released",
                                "Roots absorb water and stomata take in carbon dioxide",
                                "Chlorophyll traps the energy of sunlight",
                                "Extra glucose is changed into starch and stored",
                            ],
                            "correct_answer": {"order": [1, 2, 0, 3]},
                            "explanation": "The raw materials come in, chlorophyll traps light energy, glucose and oxygen are made, and extra glucose is stored as starch.",
                            "points": 2,
                            "difficulty": 3,
                            "tags": ["photosynthesis"],
                        },
                        {
                            "type": "MULTIPLE_CHOICE",
                            "text": "Which of these does a leaf need for photosynthesis? Choose all that apply.",
                            "options": ["Sunlight", "Carbon dioxide", "Oxygen", "Water", "Chlorophyll"],
                            "correct_answer": {"correct": [0, 1, 3, 4]},
                            "explanation": "Photosynthesis needs sunlight, carbon dioxide, water and chlorophyll. Oxygen is a product, not a raw material.",
                            "difficulty": 2,
                            "tags": ["photosynthesis"],
                        },
                        {
                            "type": "ESSAY",
                            "text": "Leaves are called the food factories of plants. Explain why life on Earth would not be possible without photosynthesis.",
                            "options": None,
                            "correct_answer": {
                                "rubric": (
                                    "5 points: states that plants make food (carbohydrate) by photosynthesis (1); explains that "
                                    "animals and humans depend on plants for food directly or through food chains (1); mentions "
                                    "that photosynthesis releases the oxygen we breathe (1); mentions the Sun as the source of the "
                                    "energy stored in food (1); clear, well-organised writing (1)."
                                ),
                                "sample_answer": (
                                    "Green plants use sunlight, carbon dioxide and water to make food by photosynthesis. All "
                                    "animals, including us, depend on this food: a cow eats grass and we eat rice, dal and "
                                    "vegetables, or animals that ate plants. Photosynthesis also releases oxygen, which almost "
                                    "every living thing needs to breathe. So the Sun's energy reaches all living things only "
                                    "through plants, and without photosynthesis there would be no food and no oxygen."
                                ),
                                "min_words": 40,
                            },
                            "explanation": "Photosynthesis makes the food that all food chains start with and releases the oxygen that organisms breathe.",
                            "points": 5,
                            "difficulty": 4,
                            "tags": ["photosynthesis", "reasoning"],
                        },
                    ],
                }
            ],
        },
        # ------------------------------------------------------------------ 2
        {
            "key": "respiration-in-organisms",
            "title": "Respiration in Organisms",
            "duration": 20,
            "objectives": [
                "Explain why cells respire",
                "Compare aerobic and anaerobic respiration",
                "Describe breathing in humans and in some other animals and plants",
            ],
            "keywords": ["respiration", "aerobic", "anaerobic", "breathing", "lime water", "gills"],
            "difficulty_level": 2,
            "requires_internet": False,
            "content": {
                "version": 1,
                "blocks": [
                    {
                        "type": "text",
                        "html": (
                            "<h2>Why do we respire?</h2>"
                            "<p>The food we eat gives us energy only after it is broken down inside our cells. In "
                            "<strong>cellular respiration</strong>, glucose from food is broken down to release energy. "
                            "Every living cell, in humans, animals and plants, respires all the time, even when we sleep.</p>"
                        ),
                    },
                    {
                        "type": "text",
                        "html": (
                            "<h3>Aerobic and anaerobic respiration</h3>"
                            "<p><strong>Aerobic</strong> respiration uses oxygen:<br>"
                            "glucose + oxygen → carbon dioxide + water + energy</p>"
                            "<p><strong>Anaerobic</strong> respiration happens without oxygen. Yeast respires like this:<br>"
                            "glucose → alcohol + carbon dioxide + energy<br>"
                            "The carbon dioxide is what makes bread and bhatura dough rise.</p>"
                            "<p>During hard exercise, such as a long sprint on sports day, our muscles may not get enough "
                            "oxygen and respire anaerobically: glucose → lactic acid + energy. The build-up of lactic acid "
                            "causes muscle cramps. A hot water bath or a massage improves blood flow and eases them.</p>"
                        ),
                    },
                    {
                        "type": "text",
                        "html": (
                            "<h2>Breathing</h2>"
                            "<p>Breathing means taking in air rich in oxygen (<strong>inhalation</strong>) and giving out air "
                            "rich in carbon dioxide (<strong>exhalation</strong>). Air enters through the nostrils, passes "
                            "down the windpipe and reaches the lungs.</p>"
                            "<p>When we breathe in, the ribs move up and outwards and the <strong>diaphragm</strong> moves "
                            "down, so the chest becomes bigger and air rushes in. When we breathe out, the opposite happens.</p>"
                            "<p>An adult at rest breathes about 15 to 18 times a minute. During heavy exercise this can rise "
                            "to about 25 times a minute.</p>"
                        ),
                    },
                    {
                        "type": "example",
                        "title": "Activity: do we breathe out carbon dioxide?",
                        "problem": "Show that the air we breathe out contains carbon dioxide.",
                        "steps": [
                            "Pour some freshly prepared lime water into a test tube.",
                            "Blow gently into the lime water through a straw for about a minute. Do not suck!",
                            "Watch what happens to the lime water.",
                        ],
                        "answer": "The lime water turns milky, which shows that exhaled air contains carbon dioxide.",
                    },
                    {
                        "type": "text",
                        "html": (
                            "<h2>How do other living things breathe?</h2>"
                            "<ul>"
                            "<li><strong>Earthworms</strong> breathe through their moist skin.</li>"
                            "<li><strong>Insects</strong> such as cockroaches have small openings called "
                            "<strong>spiracles</strong> that lead into air tubes called <strong>tracheae</strong>.</li>"
                            "<li><strong>Fish</strong> use <strong>gills</strong> to take in oxygen dissolved in water.</li>"
                            "<li><strong>Plants</strong> exchange gases through the stomata of their leaves, and roots take in "
                            "air from the spaces between soil particles. That is why a pot that is over-watered for a long "
                            "time can kill a plant.</li>"
                            "</ul>"
                        ),
                    },
                    {
                        "type": "video",
                        "url": "https://diksha.gov.in/",
                        "title": "DIKSHA, the free national learning platform: search “Class 7 respiration in organisms” for NCERT-aligned videos",
                        "duration_seconds": None,
                    },
                    {
                        "type": "check",
                        "question": "Which gas turns lime water milky?",
                        "options": ["Oxygen", "Nitrogen", "Carbon dioxide", "Hydrogen"],
                        "answer_index": 2,
                        "explanation": "Carbon dioxide reacts with lime water and turns it milky. This is the usual test for carbon dioxide.",
                    },
                    {
                        "type": "key_points",
                        "points": [
                            "Respiration releases energy from glucose inside every living cell.",
                            "Aerobic respiration uses oxygen; anaerobic respiration does not and releases less energy.",
                            "Yeast makes alcohol and carbon dioxide; tired muscles make lactic acid.",
                            "Earthworms breathe through skin, insects through spiracles and tracheae, fish through gills.",
                        ],
                    },
                ],
            },
            "translations": {"hi": {"title": "जीवों में श्वसन"}},
            "quizzes": [],
        },
        # ------------------------------------------------------------------ 3
        {
            "key": "heat",
            "title": "Heat and Temperature",
            "duration": 20,
            "objectives": [
                "Read clinical and laboratory thermometers correctly",
                "Explain conduction, convection and radiation with examples",
                "Use ideas about heat to explain sea breezes and the choice of clothes",
            ],
            "keywords": ["temperature", "thermometer", "conduction", "convection", "radiation", "sea breeze"],
            "difficulty_level": 2,
            "requires_internet": False,
            "content": {
                "version": 1,
                "blocks": [
                    {
                        "type": "text",
                        "html": (
                            "<h2>Hot or cold?</h2>"
                            "<p>Our sense of touch can fool us. Dip one hand in cold water and the other in hot water, then "
                            "put both in lukewarm water: one hand feels warm and the other feels cold!</p>"
                            "<p>So we measure how hot something is, its <strong>temperature</strong>, with a "
                            "<strong>thermometer</strong>. In India we use the Celsius scale (°C).</p>"
                        ),
                    },
                    {
                        "type": "text",
                        "html": (
                            "<h3>Two kinds of thermometer</h3>"
                            "<ul>"
                            "<li><strong>Clinical thermometer</strong>: measures body temperature and reads from 35 °C to "
                            "42 °C. Normal human body temperature is about 37 °C. A kink stops the mercury from falling back "
                            "by itself, so it must be jerked down before use. Many homes now use safer digital thermometers "
                            "without mercury.</li>"
                            "<li><strong>Laboratory thermometer</strong>: usually reads from −10 °C to 110 °C and is used for "
                            "other things, such as water. It has no kink, so read it while the bulb is still in the liquid.</li>"
                            "</ul>"
                        ),
                    },
                    {
                        "type": "text",
                        "html": (
                            "<h2>How heat travels</h2>"
                            "<p>Heat always flows from a hotter object to a colder one, in three ways:</p>"
                            "<ul>"
                            "<li><strong>Conduction</strong>: in solids, heat passes from particle to particle. The handle of a "
                            "steel spoon left in hot chai becomes hot.</li>"
                            "<li><strong>Convection</strong>: in liquids and gases, the heated part rises and the cooler part "
                            "sinks to take its place. This is how water in a pot gets hot all through.</li>"
                            "<li><strong>Radiation</strong>: heat travels without any medium. The Sun's heat reaches us through "
                            "empty space, and we feel warm sitting near a bonfire.</li>"
                            "</ul>"
                        ),
                    },
                    {
                        "type": "image",
                        "src": "demo/heat-transfer.svg",
                        "alt": "Three pictures: a metal rod heated at one end (conduction), water circulating in a heated pot (convection), and the Sun's rays reaching the ground (radiation)",
                        "caption": "Conduction, convection and radiation: the three ways heat travels.",
                        "width": 360,
                        "height": 180,
                    },
                    {
                        "type": "text",
                        "html": (
                            "<h3>Conductors and insulators</h3>"
                            "<p>Materials that let heat pass easily are <strong>conductors</strong>: copper, aluminium and iron. "
                            "Materials that do not are <strong>insulators</strong> (poor conductors): wood, plastic, cloth and "
                            "air. That is why pans have wooden or plastic handles. Woollen sweaters keep us warm because air "
                            "trapped between the fibres is a poor conductor.</p>"
                            "<h3>Clothes and colour</h3>"
                            "<p>Dark surfaces absorb more heat than light ones. So light-coloured cotton clothes are "
                            "comfortable in summer, and dark clothes in winter.</p>"
                        ),
                    },
                    {
                        "type": "example",
                        "title": "Why is there a sea breeze in Chennai in the afternoon?",
                        "problem": "People living near the coast feel a cool breeze from the sea during the day. Explain why.",
                        "steps": [
                            "During the day, land heats up faster than sea water.",
                            "The air above the land becomes hot and rises.",
                            "Cooler air from over the sea moves in to take its place: this is the sea breeze.",
                            "At night land cools faster than water, so cooler air blows from land to sea: a land breeze.",
                        ],
                        "answer": "Unequal heating of land and water sets up convection currents in the air, causing the sea breeze.",
                    },
                    {
                        "type": "check",
                        "question": "Why do cooking pans usually have wooden or plastic handles?",
                        "options": [
                            "They look nicer",
                            "Wood and plastic are poor conductors of heat",
                            "Wood and plastic are good conductors of heat",
                            "They make food cook faster",
                        ],
                        "answer_index": 1,
                        "explanation": "Wood and plastic are insulators, so the heat of the pan does not reach your hand.",
                    },
                    {
                        "type": "key_points",
                        "points": [
                            "A clinical thermometer reads 35–42 °C; a laboratory thermometer usually reads −10 to 110 °C.",
                            "Normal human body temperature is about 37 °C.",
                            "Heat travels by conduction in solids, convection in liquids and gases, and radiation without a medium.",
                            "Sea breezes and land breezes are caused by convection.",
                        ],
                    },
                ],
            },
            "translations": {"hi": {"title": "ऊष्मा और तापमान"}},
            "quizzes": [
                {
                    "key": "respiration-heat-quiz",
                    "title": "Breath and Heat Check",
                    "description": "Respiration, breathing, thermometers and the three ways heat travels.",
                    "time_limit": 12,
                    "max_attempts": 3,
                    "passing_score": 70,
                    "randomize_questions": True,
                    "show_results_immediately": True,
                    "questions": [
                        {
                            "type": "MULTIPLE_CHOICE",
                            "text": "What does yeast produce when it respires without oxygen?",
                            "options": ["Lactic acid and water", "Alcohol and carbon dioxide", "Oxygen and glucose", "Starch and water"],
                            "correct_answer": {"correct": [1]},
                            "explanation": "Anaerobic respiration in yeast: glucose → alcohol + carbon dioxide + energy.",
                            "difficulty": 2,
                            "tags": ["respiration"],
                        },
                        {
                            "type": "TRUE_FALSE",
                            "text": "Lime water turns milky when carbon dioxide is passed through it.",
                            "options": None,
                            "correct_answer": {"value": True},
                            "explanation": "This is the standard test for carbon dioxide.",
                            "difficulty": 1,
                            "tags": ["respiration"],
                        },
                        {
                            "type": "FILL_BLANK",
                            "text": "Normal human body temperature is about [[1]] °C. A clinical thermometer reads from 35 °C to [[2]] °C.",
                            "options": None,
                            "correct_answer": {"blanks": [["37"], ["42"]], "case_sensitive": False},
                            "explanation": "Body temperature is about 37 °C, and a clinical thermometer's range is 35 °C to 42 °C.",
                            "difficulty": 2,
                            "tags": ["heat", "thermometer"],
                        },
                        {
                            "type": "MATCHING",
                            "text": "Match each situation with the way heat travels.",
                            "options": {
                                "left": [
                                    "The handle of a steel spoon in hot tea gets hot",
                                    "Heated water at the bottom of a pot rises",
                                    "We feel the warmth of the Sun",
                                ],
                                "right": ["Radiation", "Conduction", "Convection", "Evaporation"],
                            },
                            "correct_answer": {"pairs": [[0, 1], [1, 2], [2, 0]]},
                            "explanation": "Through a solid: conduction. Moving liquid: convection. Through space without a medium: radiation.",
                            "points": 2,
                            "difficulty": 2,
                            "tags": ["heat"],
                        },
                        {
                            "type": "SHORT_ANSWER",
                            "text": "Name the gas in the air we breathe out that turns lime water milky.",
                            "options": None,
                            "correct_answer": {"accepted": ["carbon dioxide", "carbon-dioxide", "co2", "co₂"], "case_sensitive": False},
                            "explanation": "Exhaled air is rich in carbon dioxide, which turns lime water milky.",
                            "difficulty": 1,
                            "tags": ["respiration"],
                        },
                        {
                            "type": "ORDERING",
                            "text": "Put the events that cause a sea breeze in order.",
                            "options": [
                                "Cooler air from over the sea moves in towards the land",
                                "The Sun heats the land faster than the sea",
                                "Warm air over the land rises",
                                "People on the beach feel a cool breeze from the sea",
                            ],
                            "correct_answer": {"order": [1, 2, 0, 3]},
                            "explanation": "Land heats faster, the warm air above it rises, cooler sea air flows in, and we feel the sea breeze.",
                            "points": 2,
                            "difficulty": 3,
                            "tags": ["heat", "convection"],
                        },
                        {
                            "type": "MULTIPLE_CHOICE",
                            "text": "Which of these are good conductors of heat? Choose all that apply.",
                            "options": ["Copper", "Wood", "Aluminium", "Plastic", "Iron"],
                            "correct_answer": {"correct": [0, 2, 4]},
                            "explanation": "Metals such as copper, aluminium and iron are good conductors; wood and plastic are insulators.",
                            "difficulty": 2,
                            "tags": ["heat", "conductors"],
                        },
                    ],
                }
            ],
        },
        # ------------------------------------------------------------------ 4
        {
            "key": "acids-bases-salts",
            "title": "Acids, Bases and Salts",
            "duration": 20,
            "objectives": [
                "Name some natural acids and common bases",
                "Use litmus, turmeric and china rose as indicators",
                "Explain neutralisation and its uses in daily life",
            ],
            "keywords": ["acid", "base", "indicator", "litmus", "neutralisation", "salt"],
            "difficulty_level": 3,
            "requires_internet": False,
            "content": {
                "version": 1,
                "blocks": [
                    {
                        "type": "text",
                        "html": (
                            "<h2>Sour, bitter and soapy</h2>"
                            "<p>Lemon juice, curd, vinegar and tamarind taste sour because they contain <strong>acids</strong>. "
                            "The word comes from the Latin <em>acere</em>, which means sour.</p>"
                            "<p>Baking soda tastes bitter and its solution feels soapy when rubbed between the fingers. "
                            "Substances like this are <strong>bases</strong>.</p>"
                            "<p><strong>Safety first:</strong> never taste or touch unknown chemicals. In the lab we use "
                            "<strong>indicators</strong> instead.</p>"
                        ),
                    },
                    {
                        "type": "text",
                        "html": (
                            "<h3>Acids and bases around us</h3>"
                            "<ul>"
                            "<li>Vinegar: acetic acid</li>"
                            "<li>Ant sting: formic acid</li>"
                            "<li>Curd: lactic acid</li>"
                            "<li>Lemon and orange: citric acid</li>"
                            "<li>Amla: ascorbic acid (vitamin C)</li>"
                            "<li>Tamarind, grapes and raw mangoes: tartaric acid</li>"
                            "</ul>"
                            "<p>Some bases: lime water (calcium hydroxide), window cleaner (ammonium hydroxide), soap "
                            "(sodium or potassium hydroxide) and milk of magnesia (magnesium hydroxide).</p>"
                        ),
                    },
                    {
                        "type": "text",
                        "html": (
                            "<h2>Indicators</h2>"
                            "<ul>"
                            "<li><strong>Litmus</strong> (made from lichens): acids turn blue litmus red; bases turn red litmus "
                            "blue. Neutral solutions change neither.</li>"
                            "<li><strong>Turmeric (haldi)</strong>: turns red with a base. That is why a haldi stain on a white "
                            "shirt turns red when it is washed with soap!</li>"
                            "<li><strong>China rose (gudhal)</strong> solution: turns acids dark pink (magenta) and bases green.</li>"
                            "</ul>"
                        ),
                    },
                    {
                        "type": "image",
                        "src": "demo/litmus.svg",
                        "alt": "Two litmus strips: a blue strip dipped in lemon juice turns red at the bottom; a red strip dipped in soap water turns blue at the bottom",
                        "caption": "Acids turn blue litmus red. Bases turn red litmus blue.",
                        "width": 340,
                        "height": 190,
                    },
                    {
                        "type": "text",
                        "html": (
                            "<h2>Neutralisation</h2>"
                            "<p>When an acid and a base are mixed in the right amounts, they cancel each other's effect. "
                            "This is called <strong>neutralisation</strong>:</p>"
                            "<p><strong>acid + base → salt + water</strong> (and heat is given out)</p>"
                            "<p>For example: hydrochloric acid + sodium hydroxide → sodium chloride (common salt) + water.</p>"
                        ),
                    },
                    {
                        "type": "example",
                        "title": "First aid for an ant bite",
                        "problem": "An ant bites Arjun at a school picnic. His teacher rubs moist baking soda on the spot. Why does this help?",
                        "steps": [
                            "The ant injects formic acid into the skin, which causes pain and itching.",
                            "Baking soda (sodium hydrogencarbonate) is a base.",
                            "The base neutralises the acid, so the pain and itching reduce.",
                        ],
                        "answer": "Baking soda neutralises the formic acid. Calamine solution, which contains zinc carbonate, works in the same way.",
                    },
                    {
                        "type": "text",
                        "html": (
                            "<h3>More neutralisation in daily life</h3>"
                            "<ul>"
                            "<li><strong>Indigestion:</strong> too much acid in the stomach is neutralised by an antacid such as "
                            "milk of magnesia.</li>"
                            "<li><strong>Soil:</strong> farmers treat soil that is too acidic with quicklime (calcium oxide) or "
                            "slaked lime (calcium hydroxide). Soil that is too basic is treated with compost, which releases acids.</li>"
                            "<li><strong>Factory waste:</strong> acidic waste is neutralised with bases before it is released, "
                            "so it does not harm fish and other life in rivers.</li>"
                            "</ul>"
                        ),
                    },
                    {
                        "type": "check",
                        "question": "A solution turns red litmus paper blue. What kind of solution is it?",
                        "options": ["An acid", "A base", "A neutral solution"],
                        "answer_index": 1,
                        "explanation": "Bases turn red litmus blue; acids turn blue litmus red.",
                    },
                    {
                        "type": "key_points",
                        "points": [
                            "Acids taste sour; bases taste bitter and feel soapy. Never taste unknown substances.",
                            "Litmus, turmeric and china rose are natural indicators.",
                            "Acid + base → salt + water + heat (neutralisation).",
                            "Antacids, baking soda on ant bites and lime in acidic soil all use neutralisation.",
                        ],
                    },
                ],
            },
            "translations": {"hi": {"title": "अम्ल, क्षारक और लवण"}},
            "quizzes": [],
        },
        # ------------------------------------------------------------------ 5
        {
            "key": "water-precious-resource",
            "title": "Water: A Precious Resource",
            "duration": 15,
            "objectives": [
                "Explain how little of Earth's water is fresh and usable",
                "Describe groundwater, the water table and infiltration",
                "Suggest ways to save water, including rainwater harvesting",
            ],
            "keywords": ["groundwater", "water table", "infiltration", "aquifer", "rainwater harvesting"],
            "difficulty_level": 2,
            "requires_internet": False,
            "content": {
                "version": 1,
                "blocks": [
                    {
                        "type": "text",
                        "html": (
                            "<h2>How much water do we really have?</h2>"
                            "<p>About 71% of the Earth's surface is covered with water, but almost all of it is salty sea "
                            "water that we cannot drink or use for farming.</p>"
                            "<p>Imagine all the water on Earth fills 100 buckets. About 97 buckets would be sea water, about 2 "
                            "would be frozen as ice and snow, and only about 1 bucket would be fresh water in rivers, lakes "
                            "and under the ground. That one bucket is shared by every person, plant and animal.</p>"
                        ),
                    },
                    {
                        "type": "text",
                        "html": (
                            "<h2>Water under the ground</h2>"
                            "<p>When it rains, some water seeps into the soil. This is called <strong>infiltration</strong>. "
                            "Deep down, all the spaces between soil particles and rocks are filled with water. The upper "
                            "level of this water-filled layer is the <strong>water table</strong>.</p>"
                            "<p>Groundwater stored between layers of hard rock is called an <strong>aquifer</strong>. We draw "
                            "it up using wells, tube wells and hand pumps.</p>"
                        ),
                    },
                    {
                        "type": "text",
                        "html": (
                            "<h3>Why is the water table falling?</h3>"
                            "<ul>"
                            "<li><strong>More people:</strong> more homes and roads mean more concrete, so less rain can seep in.</li>"
                            "<li><strong>Farming:</strong> many farmers pump groundwater from borewells to water their crops.</li>"
                            "<li><strong>Industries</strong> use large amounts of water.</li>"
                            "<li><strong>Less rain and fewer forests</strong> mean less water goes back into the ground.</li>"
                            "</ul>"
                        ),
                    },
                    {
                        "type": "text",
                        "html": (
                            "<h2>Rainwater harvesting</h2>"
                            "<p>Collecting rainwater and storing it for later use, or letting it recharge the ground, is called "
                            "<strong>rainwater harvesting</strong>. In rooftop harvesting, rain from the roof flows through "
                            "pipes, is filtered, and goes into a tank or a recharge pit.</p>"
                            "<p>This is an old Indian idea: stepwells called <strong>bawris</strong> were built in places such "
                            "as Rajasthan and Delhi to collect and store water.</p>"
                        ),
                    },
                    {
                        "type": "example",
                        "title": "How much rain falls on a school roof?",
                        "problem": "A school roof has an area of 100 m². If 10 mm of rain falls, how many litres of water fall on the roof?",
                        "steps": [
                            "Change 10 mm to metres: 10 mm = 0.01 m.",
                            "Volume = area × depth = 100 m² × 0.01 m = 1 m³.",
                            "1 m³ = 1000 litres.",
                        ],
                        "answer": "1000 litres: enough to fill 50 buckets of 20 litres each, from just one rain shower!",
                    },
                    {
                        "type": "text",
                        "html": (
                            "<h3>Saving water every day</h3>"
                            "<ul>"
                            "<li>Turn off the tap while brushing your teeth.</li>"
                            "<li>Get leaking taps and pipes repaired quickly.</li>"
                            "<li>Use the water from washing rice and vegetables to water plants.</li>"
                            "<li>Farmers can use <strong>drip irrigation</strong>, which gives water drop by drop to the roots.</li>"
                            "</ul>"
                            "<p>World Water Day is celebrated on <strong>22 March</strong> every year.</p>"
                        ),
                    },
                    {
                        "type": "check",
                        "question": "What is the upper level of the water-filled layer under the ground called?",
                        "options": ["Water table", "Aquifer", "Infiltration", "Reservoir"],
                        "answer_index": 0,
                        "explanation": "The water table is the top of the layer where all spaces in soil and rock are filled with water.",
                    },
                    {
                        "type": "key_points",
                        "points": [
                            "Only a tiny part of Earth's water is fresh water we can use.",
                            "Rain seeps into the ground by infiltration and recharges groundwater.",
                            "The water table is falling because we take out more than is put back.",
                            "Rainwater harvesting and drip irrigation help save water.",
                        ],
                    },
                ],
            },
            "translations": {"hi": {"title": "जल: एक बहुमूल्य संसाधन"}},
            "quizzes": [
                {
                    "key": "acids-water-quiz",
                    "title": "Acids, Bases and Water Quiz",
                    "description": "Indicators, neutralisation, groundwater and saving water.",
                    "time_limit": None,
                    "max_attempts": 3,
                    "passing_score": 70,
                    "randomize_questions": False,
                    "show_results_immediately": True,
                    "questions": [
                        {
                            "type": "MULTIPLE_CHOICE",
                            "text": "Which acid is found in curd?",
                            "options": ["Citric acid", "Lactic acid", "Acetic acid", "Formic acid"],
                            "correct_answer": {"correct": [1]},
                            "explanation": "Curd contains lactic acid. Citric acid is in lemons, acetic acid in vinegar and formic acid in ant stings.",
                            "difficulty": 1,
                            "tags": ["acids"],
                        },
                        {
                            "type": "TRUE_FALSE",
                            "text": "A turmeric (haldi) stain turns red when soap solution is put on it.",
                            "options": None,
                            "correct_answer": {"value": True},
                            "explanation": "Soap is basic, and turmeric turns red with bases.",
                            "difficulty": 2,
                            "tags": ["indicators"],
                        },
                        {
                            "type": "FILL_BLANK",
                            "text": "acid + base → [[1]] + water. This reaction is called [[2]].",
                            "options": None,
                            "correct_answer": {
                                "blanks": [["salt", "a salt"], ["neutralisation", "neutralization"]],
                                "case_sensitive": False,
                            },
                            "explanation": "An acid and a base neutralise each other to form a salt and water, giving out heat.",
                            "difficulty": 2,
                            "tags": ["neutralisation"],
                        },
                        {
                            "type": "MATCHING",
                            "text": "Match each item with the acid or base it contains.",
                            "options": {
                                "left": ["Amla", "Vinegar", "Ant sting", "Milk of magnesia"],
                                "right": ["Formic acid", "Magnesium hydroxide", "Ascorbic acid", "Acetic acid", "Sodium chloride"],
                            },
                            "correct_answer": {"pairs": [[0, 2], [1, 3], [2, 0], [3, 1]]},
                            "explanation": "Amla: ascorbic acid (vitamin C). Vinegar: acetic acid. Ant sting: formic acid. Milk of magnesia: magnesium hydroxide, a base. Sodium chloride is not used.",
                            "points": 2,
                            "difficulty": 3,
                            "tags": ["acids", "bases"],
                        },
                        {
                            "type": "SHORT_ANSWER",
                            "text": "What is the name for the process in which rainwater seeps into the ground?",
                            "options": None,
                            "correct_answer": {"accepted": ["infiltration"], "case_sensitive": False},
                            "explanation": "Infiltration is the seeping of water into the soil, which recharges groundwater.",
                            "difficulty": 2,
                            "tags": ["water"],
                        },
                        {
                            "type": "ORDERING",
                            "text": "Put the steps of rooftop rainwater harvesting in order.",
                            "options": [
                                "The water is stored in a tank or sent into a recharge pit",
                                "Rain falls on the rooftop",
                                "Pipes carry the water down from the roof",
                                "The water is filtered to remove leaves and dirt",
                            ],
                            "correct_answer": {"order": [1, 2, 3, 0]},
                            "explanation": "Rain falls on the roof, flows down pipes, is filtered, and is then stored or used to recharge the ground.",
                            "points": 2,
                            "difficulty": 2,
                            "tags": ["water", "rainwater-harvesting"],
                        },
                        {
                            "type": "SHORT_ANSWER",
                            "text": "About what percentage of the Earth's surface is covered with water? Give a number.",
                            "options": None,
                            "correct_answer": {"numeric": 71, "tolerance": 3},
                            "explanation": "About 71% of the Earth's surface is covered with water, mostly salty oceans.",
                            "difficulty": 1,
                            "tags": ["water"],
                        },
                        {
                            "type": "ESSAY",
                            "text": (
                                "The borewells in your town are giving less water every summer. Suggest at least three ways "
                                "in which your school and your family can save water or recharge groundwater, and explain how each helps."
                            ),
                            "options": None,
                            "correct_answer": {
                                "rubric": (
                                    "5 points: gives at least three practical ways (1 each, up to 3), for example rooftop "
                                    "rainwater harvesting, fixing leaks, reusing water, drip irrigation, not paving all open "
                                    "ground; explains how at least two of them save water or recharge groundwater (1); clear "
                                    "and well organised (1)."
                                ),
                                "sample_answer": (
                                    "First, our school can set up rooftop rainwater harvesting, so that rain from the roof is "
                                    "filtered and sent into a recharge pit. This puts water back into the ground and raises the "
                                    "water table. Second, at home we can fix leaking taps and turn off the tap while brushing, "
                                    "so less water is pumped out. Third, we can reuse the water from washing rice and "
                                    "vegetables to water our plants. Finally, we should leave some open ground instead of "
                                    "covering everything with concrete, so that rain can seep in by infiltration."
                                ),
                                "min_words": 50,
                            },
                            "explanation": "Good answers both reduce the water we use and help rain soak back into the ground.",
                            "points": 5,
                            "difficulty": 3,
                            "tags": ["water", "conservation"],
                        },
                    ],
                }
            ],
        },
    ],
}
