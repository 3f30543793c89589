# المالية: الميزانية وبنود التكلفة والنسخ والإنفاق والإعدادات وأسعار الصرف والقيمة الحقيقية.
finance-colon = :
finance-page-title = { $page } — { $plan }
finance-sections = أقسام الميزانية
finance-sub-budget = الميزانية
finance-sub-spending = الإنفاق
finance-sub-versions = النسخ
finance-sub-settings = الإعدادات المالية
finance-budget = الميزانية
finance-money = { $amount } { $currency }
finance-activity-numbered = { $number }. { $title }
finance-milestone-numbered = المرحلة { $number }: { $title }
finance-quarter-month = { $quarter } — { $month }
finance-quarter-quantity = { $quarter }: { $quantity }
finance-version-numbered = رقم { $number } «{ $name }»
finance-line-in = { $line } ({ $activity })
finance-line-choice = { $line } — { $currency }
finance-share-of = { $share } · { $amount }
finance-actions = إجراءات
finance-choose = اختر…
finance-nothing = لا شيء.
finance-not-yet = ليس بعد
finance-not-available = غير متاح
finance-field = الحقل
finance-amount = المبلغ
finance-lines = البنود
finance-number = الرقم
finance-year = السنة
finance-quarter = الفصل
finance-period = الفترة

# اختيار التحويل
finance-show-in = عرض المجاميع بـ
finance-own-currency = عملة كل بند
finance-rate-date = تاريخ السعر
finance-at-quarter-start = اليوم الأول من كل فصل
finance-at-date = تاريخ واحد
finance-show = عرض
finance-shown-own = المجاميع بعملة كل بند؛ لا يُحوَّل شيء.
finance-shown-quarter-start = محوَّلة إلى { $currency } بسعر { $type } في اليوم الأول من كل فصل.
finance-shown-on = محوَّلة إلى { $currency } بسعر { $type } في { $date }.
finance-bad-currency = «{ $value }» ليس رمز عملة: استخدم الأحرف الثلاثة وفق ISO 4217، مثل USD أو LBP. تُعرض عملة الخطة بدلًا منه.
finance-bad-date = «{ $value }» ليس تاريخًا: اكتبه بالشكل YYYY-MM-DD. يُستخدم اليوم الأول من كل فصل بدلًا منه.
finance-bad-amount = «{ $value }» ليس مبلغًا: اكتب رقمًا، مثل 3000000 أو 1507.5.
finance-missing-rates = بعض المبالغ لا يمكن تحويلها
finance-missing-rate = لا يوجد سعر { $type } بين { $from } و{ $to } في { $date } أو قبله: أضف سعرًا (أي الاتجاهين يكفي).
finance-missing-own-shown = تُعرض المجاميع بعملة كل بند؛ لم يُخمَّن شيء.
finance-go-to-rates = الانتقال إلى أسعار الصرف

# صفحة الميزانية
finance-download-workbook = تنزيل المصنَّف (XLSX)
finance-n-versions = { $n ->
    [zero] لا نسخ مجمَّدة
    [one] نسخة مجمَّدة واحدة
    [two] نسختان مجمَّدتان
    [few] { $count } نسخ مجمَّدة
    [many] { $count } نسخة مجمَّدة
   *[other] { $count } نسخة مجمَّدة
}
finance-add-line = إضافة بند تكلفة
finance-totals = المجاميع
finance-grand-own = الميزانية كاملة، حسب العملة
finance-grand-in = الميزانية كاملة بـ{ $currency }
finance-in-currency = بـ{ $currency }
finance-grand-total = المجموع
finance-by-milestone = حسب المرحلة
finance-by-activity = حسب النشاط
finance-by-category = حسب الفئة
finance-by-party = حسب الجهة الممولة
finance-by-quarter = حسب الفصل
finance-by-year = حسب السنة
finance-by-line = حسب بند التكلفة
finance-cost-lines = بنود التكلفة
finance-no-lines = لا بنود تكلفة في هذه الخطة بعد.
finance-imported-lines = { $n ->
    [zero] لم يُستورد أي بند تكلفة.
    [one] استُورد بند تكلفة واحد.
    [two] استُورد بندا تكلفة.
    [few] استُوردت { $count } بنود تكلفة.
    [many] استُورد { $count } بندًا للتكلفة.
   *[other] استُورد { $count } بند تكلفة.
}
finance-sharing = تقاسم التكاليف
finance-sharing-caption = حصة كل جهة من ميزانية كل سنة (المبالغ بـ{ $currency })
finance-sharing-chart-title = تقاسم التكاليف حسب السنة
finance-sharing-chart-desc = كل عمود هو ميزانية سنة بـ{ $currency }؛ وأجزاؤه الحصص التي تموّلها كل جهة.
finance-sharing-chart-caption = حصة كل جهة من السنة كما في الجدول أدناه؛ تختلف الأجزاء بالنقش كما باللون.
finance-sharing-empty = لا شيء لتقاسمه بعد.
finance-sharing-needs-currency = البنود بعدة عملات: اختر عملة أعلاه لرؤية الحصص.
finance-aoc = اتفاقية التعاون
finance-aoc-activity = وُقِّعت في النشاط
finance-aoc-baseline = الميزانية المرجعية
finance-aoc-handover = مراجعة التسليم
finance-aoc-hint = تجميد نسخة بغرض «مرجع الاتفاقية» أو «مراجعة التسليم» يسجّلها هنا.
finance-edit-aoc = تعديل سجل اتفاقية التعاون
finance-import-lines = استيراد بنود التكلفة
finance-import-lines-hint = ملف CSV أو XLSX بالأعمدة Activity وCategory وDescription وUnit وUnit price وCurrency وFunder ثم Q1 وQ2… (كمية لكل فصل). الملف الذي فيه أي مشكلة لا يُستورد منه شيء.
finance-replace-lines = استبدال بنود تكلفة الخطة (يُرفض ما دام هناك إنفاق مسجَّل على أي منها)
finance-import = استيراد
finance-field-file = الملف (CSV أو XLSX)

# الاستيراد
finance-import-problems = لم يُستورد الملف
finance-import-nothing = لم يُستورد شيء. صحّح هذه المشكلات في الملف ثم استورده مجددًا.
finance-row = الصف
finance-column = العمود
finance-problem = المشكلة
finance-try-again = العودة إلى النموذج
finance-file-missing = اختر ملفًا لاستيراده.
finance-file-kind = «{ $name }» ليس ملف CSV ولا ملف XLSX.
finance-file-too-large = الملف أكبر من 10 ميبيبايت: قسّمه أو احذف ما لا يلزم.

# نموذج بند التكلفة
finance-new-line = بند تكلفة جديد
finance-edit-line = تعديل بند تكلفة
finance-delete-line = حذف بند التكلفة هذا
finance-hint-language = بلغة هذه الصفحة؛ تُحفظ اللغات الأخرى.
finance-hint-other-language = بلغة أخرى:
finance-hint-number = رقم بنقطة أو فاصلة عشرية عربية، مثل 1507.5.
finance-hint-currency = ثلاثة أحرف (ISO 4217)؛ اتركه فارغًا لعملة الخطة.
finance-hint-quantities = عدد الوحدات في كل فصل؛ اترك الفصول الأخرى فارغة.
finance-field-form = النموذج
finance-field-activity = النشاط
finance-problem-activity = اختر النشاط الذي تعود إليه التكلفة.
finance-field-category = الفئة
finance-problem-category = اختر فئة.
finance-field-description = الوصف
finance-problem-description = صِف التكلفة بلغة واحدة على الأقل.
finance-field-unit = الوحدة
finance-problem-unit = اختر وحدة.
finance-field-unit-price = سعر الوحدة
finance-problem-unit-price = اكتب سعر الوحدة رقمًا يساوي صفرًا أو أكثر، مثل 1507.5.
finance-field-currency = العملة
finance-problem-currency = اكتب العملة بأحرفها الثلاثة (ISO 4217)، مثل USD أو LBP.
finance-field-funder = الجهة الممولة
finance-problem-funder = اختر إحدى جهات الخطة.
finance-field-quantities = الكميات حسب الفصل
finance-problem-quantities = أعطِ كمية تساوي صفرًا أو أكثر لفصل واحد على الأقل من فصول الخطة.
finance-problem-duplicate = هذا موجود أصلًا: عدّله بدلًا من إضافته مرة أخرى.

# الفئات والوحدات وأنواع الأسعار والأغراض
finance-category-logistics = اللوجستيات
finance-category-external-expertise = الخبرة الخارجية
finance-category-in-house-expertise = الخبرة الداخلية
finance-unit-person-day = يوم عمل
finance-unit-person-month = شهر عمل
finance-unit-event = فعالية
finance-unit-month = شهر
finance-unit-item = قطعة
finance-unit-trip = رحلة
finance-unit-square-metre = متر مربع
finance-unit-lump-sum = مبلغ مقطوع
finance-rate-type-official = رسمي
finance-rate-type-platform = المنصة
finance-rate-type-parallel-market = السوق الموازية
finance-rate-type-donor-accounting = محاسبة الجهة المانحة
finance-rate-type-un-operational = الأمم المتحدة التشغيلي
finance-purpose-aoc-baseline = مرجع الاتفاقية (النشاط 7)
finance-purpose-handover-revision = مراجعة التسليم (النشاط 25)
finance-purpose-revision = مراجعة أخرى

# النسخ والمقارنة
finance-versions-explained = تحفظ النسخة المجمَّدة بنود التكلفة كما كانت؛ ومقارنة نسختين تُظهر ما تغيّر وكيف تحرّكت حصة كل جهة.
finance-no-versions = لم تُجمَّد أي نسخة بعد.
finance-frozen-by = جمّدها
finance-frozen-on = تاريخ التجميد
finance-compare-with-current = المقارنة بالميزانية الحالية
finance-compare-earlier = الأقدم
finance-compare-later = الأحدث
finance-compare = مقارنة
finance-current-budget = الميزانية الحالية
finance-freeze = تجميد الميزانية الحالية
finance-freeze-hint = التجميد ينسخ كل بند تكلفة كما هو الآن تحت اسم؛ والنسخة لا تتغير أبدًا.
finance-freeze-button = تجميد
finance-field-name = الاسم
finance-problem-name = أعطِ النسخة اسمًا لا تستخدمه نسخة أخرى من هذه الخطة.
finance-field-purpose = الغرض
finance-problem-purpose = اختر غرض النسخة.
finance-comparison = مقارنة نسختين
finance-compare-counts = أُضيف: { $added }، حُذف: { $removed }، تغيّر: { $changed }، بلا تغيير: { $unchanged }.
finance-compare-parties = المجاميع حسب الجهة الممولة
finance-before = قبل
finance-after = بعد
finance-difference = الفرق
finance-changed-lines = البنود المعدَّلة
finance-changed = تغيّر
finance-added-lines = البنود المضافة
finance-removed-lines = البنود المحذوفة

# الإنفاق
finance-planned-vs-actual = المخطَّط والفعلي
finance-spending-unavailable = لا يمكن مقارنة المخطَّط بالفعلي قبل إضافة الأسعار الناقصة.
finance-planned = المخطَّط
finance-planned-to-date = المخطَّط حتى اليوم
finance-actual = الفعلي
finance-variance = الفرق (الفعلي − المخطَّط)
finance-burn-rate = وتيرة الإنفاق (الفعلي ÷ المخطَّط حتى اليوم)
finance-spent-share = المنفَق من الميزانية
finance-overspent = تجاوز
finance-n-overspent = { $n ->
    [zero] لا بنود متجاوزة
    [one] بند واحد متجاوز
    [two] بندان متجاوزان
    [few] { $count } بنود متجاوزة
    [many] { $count } بندًا متجاوزًا
   *[other] { $count } بند متجاوز
}
finance-payments = المدفوعات
finance-evidence-link = المستند
finance-record-payment = تسجيل دفعة
finance-record = تسجيل
finance-hint-payment-currency = ثلاثة أحرف (ISO 4217)؛ اتركه فارغًا لعملة البند. تُحوَّل العملة الأخرى بنوع سعر الخطة في تاريخ الدفعة.
finance-hint-evidence = رابط إلى الفاتورة أو أمر الدفع (اختياري).
finance-field-cost-line = بند التكلفة
finance-problem-cost-line = اختر بند التكلفة الذي تخصه الدفعة.
finance-field-date = التاريخ
finance-problem-date = اكتب التاريخ بالشكل YYYY-MM-DD.
finance-field-amount = المبلغ
finance-problem-amount = اكتب المبلغ رقمًا أكبر من الصفر، مثل 1507.5.
finance-field-evidence = المستند
finance-problem-evidence = أعطِ رابطًا إلى المستند، أو اتركه فارغًا.

# الإعدادات
finance-default-rate-type = نوع السعر الافتراضي
finance-default-rate-type-hint = نوع السعر الذي تستخدمه مجاميع الخطة ما لم يُختر غيره، والذي تُحوَّل به الدفعات بعملة أخرى.
finance-field-rate-type = نوع السعر
finance-problem-rate-type = اختر نوع سعر.
finance-field-signed-on = تاريخ التوقيع
finance-problem-signed-on = اكتب التاريخ بالشكل YYYY-MM-DD، أو اتركه فارغًا.

# أسعار الصرف
finance-rates = أسعار الصرف
finance-rates-explained = أسعار مؤرَّخة لكل زوج عملات ونوع سعر. يستخدم التحويل أحدث سعر من نوعه في تاريخه أو قبله؛ والزوج المعكوس يُحتسب أيضًا، ولا يُستنتج سعر عبر عملة ثالثة.
finance-filter-currency = العملة
finance-all-types = كل الأنواع
finance-filter = تصفية
finance-no-rates = لا أسعار.
finance-add-rate = إضافة سعر
finance-add-rate-hint = وحدة واحدة من العملة الأساسية تساوي السعر بعملة التسعير، مثل 1 USD = 1507.5 LBP.
finance-field-base = العملة الأساسية
finance-problem-base = اكتب العملة الأساسية بأحرفها الثلاثة، مثل USD.
finance-field-quote = عملة التسعير
finance-problem-quote = اكتب عملة التسعير بأحرفها الثلاثة، مختلفة عن الأساسية، مثل LBP.
finance-field-rate = السعر
finance-problem-rate = اكتب السعر رقمًا أكبر من الصفر، مثل 1507.5.
finance-field-source = المصدر
finance-problem-source = اذكر مصدر الرقم، أو اتركه فارغًا.
finance-import-rates = استيراد الأسعار
finance-import-rates-hint = ملف CSV أو XLSX بالأعمدة Base وQuote وRate type وDate وRate وSource. يُستبدل السعر الموجود للزوج والنوع والتاريخ نفسها؛ والملف الذي فيه أي مشكلة لا يُستورد منه شيء.
finance-rates-imported = الاستيراد: أُضيف { $added }، استُبدل { $replaced }، بلا تغيير { $unchanged }.

# القيمة الحقيقية
finance-real-terms = القيمة الحقيقية
finance-real-terms-explained = مبلغ محفوظ بعملة تفقد قيمتها، معبَّرًا عنه بعملة مستقرة بسعر كل تاريخ: كم يساوي حقًا.
finance-stable-currency = العملة المستقرة
finance-real-terms-over = على مدى
finance-real-terms-years = السنوات من 2019 إلى 2023
finance-real-terms-chart = القيمة الحقيقية لمبلغ بـ{ $currency }، بـ{ $stable }
finance-real-terms-desc = { $amount } معبَّرًا عنه بـ{ $stable } بسعر { $type } في كل تاريخ، مقابل قيمته في التاريخ الأول.
finance-real-terms-caption = الخط المستوي هو القيمة في التاريخ الأول؛ والآخر هو القيمة الحقيقية في كل تاريخ.
finance-value-at-start = القيمة في التاريخ الأول
finance-real-value = القيمة الحقيقية
finance-nominal = كما هو محفوظ
finance-lost = المفقود منذ التاريخ الأول
finance-erosion = فقد { $share } من قيمته بين التاريخ الأول والأخير.
