# إطار النتائج: الشجرة، وصفحة النشاط، وسجلّ المخاطر، ونماذجها.
framework-title = إطار النتائج
framework-colon = :
framework-page-title = { $page } — { $plan }
framework-contents = المراحل الرئيسية للخطة
framework-n-milestones = { $n ->
    [zero] لا مراحل رئيسية
    [one] مرحلة رئيسية واحدة
    [two] مرحلتان رئيسيتان
    [few] { $count } مراحل رئيسية
    [many] { $count } مرحلةً رئيسية
   *[other] { $count } مرحلة رئيسية
}
framework-n-activities = { $n ->
    [zero] لا أنشطة
    [one] نشاط واحد
    [two] نشاطان
    [few] { $count } أنشطة
    [many] { $count } نشاطًا
   *[other] { $count } نشاط
}
framework-n-indicators = { $n ->
    [zero] لا مؤشرات
    [one] مؤشر واحد
    [two] مؤشران
    [few] { $count } مؤشرات
    [many] { $count } مؤشرًا
   *[other] { $count } مؤشر
}
framework-milestone = المرحلة الرئيسية
framework-milestone-number = المرحلة الرئيسية { $number }:
framework-milestone-numbered = { $number }. { $title }
framework-activity-number = النشاط { $number }
framework-activity-numbered = النشاط { $number }: { $title }
framework-indicator-code = المؤشر { $code }
framework-result-labelled = { $level }: { $title }
framework-no-activities = لا أنشطة بعد.
framework-planned-short = المخطَّط: { $quarters }
framework-plan-results = نتائج الخطة ككل
framework-results = المُخرَجات والحصائل والمؤشرات
framework-risks = المخاطر
framework-risk = الخطر
framework-add-milestone = إضافة مرحلة رئيسية
framework-add-activity = إضافة نشاط
framework-add-output = إضافة مُخرَج
framework-add-outcome = إضافة حصيلة
framework-add-indicator = إضافة مؤشر
framework-add-risk = إضافة خطر
framework-add-plan-risk = إضافة خطر إلى الخطة
framework-add-plan-result = إضافة نتيجة إلى الخطة ككل
framework-cannot-move = لا يمكن النقل أبعد من ذلك في هذا الاتجاه.
framework-choose = اختر…
framework-under = ضمن:
framework-under-plan = الخطة ككل
framework-measures = يقيس:
framework-new-milestone = مرحلة رئيسية جديدة
framework-edit-milestone = تعديل المرحلة الرئيسية { $number }
framework-new-activity = نشاط جديد
framework-edit-activity = تعديل النشاط { $number }
framework-edit-this-activity = تعديل هذا النشاط
framework-new-result = نتيجة جديدة
framework-edit-result = تعديل هذه النتيجة ({ $level })
framework-new-indicator = مؤشر جديد
framework-edit-indicator = تعديل المؤشر { $code }
framework-new-risk = خطر جديد
framework-edit-risk = تعديل هذا الخطر
framework-quarter-choice = { $quarter } — { $month }
framework-months = { $from } – { $to }
framework-planned = الأرباع المخطَّطة
framework-actual = الأرباع الفعلية
framework-actual-since = منذ { $quarter }
framework-not-yet = ليس بعد
framework-n-quarters-late = { $n ->
    [zero] لا تأخير
    [one] متأخر ربعًا واحدًا
    [two] متأخر ربعين
    [few] متأخر { $count } أرباع
    [many] متأخر { $count } ربعًا
   *[other] متأخر { $count } ربع
}
framework-status = حالة التقدّم
framework-status-not_started = لم يبدأ
framework-status-started = بدأ
framework-status-advanced = متقدّم
framework-status-completed = مُنجَز
framework-change-status = تغيير حالة التقدّم
framework-progress = التقدّم
framework-new-status = حالة التقدّم الجديدة
framework-history = سجلّ حالة التقدّم
framework-no-history = لم تتغيّر حالة التقدّم منذ إنشاء الخطة.
framework-when = التاريخ
framework-change = التغيير
framework-who = بواسطة
framework-needs-addressed = الاحتياجات التي يلبّيها
framework-quarter = الربع
framework-lead = الجهة القائدة
framework-lead-kind = القيادة
framework-lead-kind-local-authority = السلطة المحلية
framework-lead-kind-partner = الشريك
framework-lead-kind-joint = مشتركة
framework-lead-joint = بشكل مشترك، جميع الأطراف
framework-lead-none = لا أحد (غير نشط)
framework-level-output = مُخرَج
framework-level-outcome = حصيلة
framework-level-impact = أثر
framework-level-other = نتيجة أخرى
framework-measure-unit = عدد (وحدات)
framework-measure-percentage = نسبة مئوية
framework-measure-nominal = اسمي (فئات)
framework-measure-ordinal = ترتيبي (درجات)
framework-measure-qualitative = نوعي (سردي)
framework-direction-none = لا اتجاه
framework-direction-up = الأعلى أفضل
framework-direction-down = الأدنى أفضل
framework-cumulation-non-cumulative = كل فترة على حدة
framework-cumulation-cumulative = تراكمي
framework-frequency-monthly = شهري
framework-frequency-quarterly = ربع سنوي
framework-frequency-semi-annual = نصف سنوي
framework-frequency-annual = سنوي
framework-frequency-once = مرة واحدة
framework-hint-language-en = يُكتب بالإنجليزية؛ ويبقى النصّان الفرنسي والعربي كما هما.
framework-hint-language-fr = يُكتب بالفرنسية؛ ويبقى النصّان الإنجليزي والعربي كما هما.
framework-hint-language-ar = يُكتب بالعربية؛ ويبقى النصّان الإنجليزي والفرنسي كما هما.
framework-hint-other-language = لم يُكتب بهذه اللغة بعد؛ وهو بلغة أخرى:
framework-hint-leads = لكل ربع، الجهة التي تقود النشاط: السلطة المحلية، أو أحد الشركاء، أو جميع الأطراف بشكل مشترك.
framework-hint-baselines = لهذا المؤشر عدة خطوط أساس أو خطوط أساس مصنَّفة؛ عدّلها عبر واجهة البرمجة أو باستيراد ملف.
framework-field-form = النموذج
framework-field-title = العنوان
framework-field-objective = الهدف
framework-field-milestone = المرحلة الرئيسية
framework-field-rationale = المبرّرات
framework-field-financial-description = الوصف المالي
framework-field-needs = الاحتياجات التي يلبّيها
framework-field-repeatable = قابل للتكرار (يمكن تنفيذه عدة مرات: ٢٤.١، ٢٤.٢…)
framework-field-planned-start-quarter = البداية المخطَّطة
framework-field-planned-end-quarter = النهاية المخطَّطة
framework-field-actual-start-quarter = البداية الفعلية
framework-field-actual-end-quarter = النهاية الفعلية
framework-field-leads = الجهة القائدة، ربعًا بربع
framework-field-level = المستوى
framework-field-description = الوصف
framework-field-assumptions = الافتراضات
framework-field-responsible = الأطراف المسؤولة
framework-field-parent = موضع الارتباط
framework-field-result = النتيجة المقيسة
framework-field-code = الرمز
framework-field-statement = نصّ المؤشر
framework-field-measure = نوع القياس
framework-field-unit = الوحدة
framework-field-direction = الاتجاه
framework-field-cumulation = الاحتساب عبر الزمن
framework-field-frequency = التواتر
framework-field-baselines = خط الأساس
framework-field-baseline-value = قيمة خط الأساس
framework-field-baseline-date = تاريخ خط الأساس
framework-field-data-source = مصدر البيانات
framework-field-collection-method = طريقة الجمع
framework-field-proposed-by = اقترحه
framework-field-validated-by = صادق عليه
framework-field-likelihood = الاحتمال
framework-field-impact = الأثر
framework-field-mitigation = تدابير التخفيف
framework-field-owner = المسؤول عنه
framework-field-status = الحالة
framework-field-review-date = تاريخ المراجعة
framework-field-note = ملاحظة
framework-problem-title = أدخل عنوانًا بلغة واحدة على الأقل.
framework-problem-objective = تحقّق من الهدف.
framework-problem-milestone = اختر المرحلة الرئيسية التي ينتمي إليها النشاط.
framework-problem-rationale = تحقّق من المبرّرات.
framework-problem-financial-description = تحقّق من الوصف المالي.
framework-problem-needs = اختر احتياجات هذه الخطة فقط.
framework-problem-repeatable = لهذا النشاط عدة تكرارات: احذف التكرارات الأخرى قبل جعله غير قابل للتكرار.
framework-problem-planned-start-quarter = اختر بداية مخطَّطة ضمن الجدول الزمني للخطة.
framework-problem-planned-end-quarter = اختر نهاية مخطَّطة ضمن الجدول الزمني، لا تسبق البداية.
framework-problem-actual-start-quarter = اختر بداية فعلية ضمن الجدول الزمني للخطة.
framework-problem-actual-end-quarter = اختر نهاية فعلية ضمن الجدول الزمني، لا تسبق البداية الفعلية (وحدّد البداية أيضًا).
framework-problem-leads = حدّد من يقود كل ربع: أطراف هذه الخطة، وكل ربع مرة واحدة.
framework-problem-level = اختر المستوى: مُخرَج أو حصيلة أو أثر أو غير ذلك.
framework-problem-description = أدخل وصفًا بلغة واحدة على الأقل.
framework-problem-assumptions = تحقّق من الافتراضات.
framework-problem-responsible = اختر أطرافًا من هذه الخطة.
framework-problem-parent = لا يمكن ربط هذه النتيجة بهذا الموضع.
framework-problem-result = اختر النتيجة التي يقيسها المؤشر.
framework-problem-code = أدخل رمزًا من ١ إلى ٤٠ حرفًا، مثل 7.1.2، لا يستعمله مؤشر آخر في الخطة.
framework-problem-statement = أدخل نصّ المؤشر بلغة واحدة على الأقل.
framework-problem-measure = القيم المُدخلة سابقًا لا تتوافق مع نوع القياس هذا: أبقِ نوع القياس أو عدّل تلك القيم أولًا.
framework-problem-unit = تحقّق من الوحدة.
framework-problem-direction = اختر اتجاهًا.
framework-problem-cumulation = اختر طريقة احتساب القيم عبر الزمن.
framework-problem-frequency = اختر التواتر.
framework-problem-baselines = يجب أن تتوافق قيمة خط الأساس مع نوع القياس (رقم للقياسات العددية) وأن يكون تاريخه تاريخًا صحيحًا.
framework-problem-data-source = تحقّق من مصدر البيانات.
framework-problem-collection-method = تحقّق من طريقة الجمع.
framework-problem-proposed-by = تحقّق ممّن اقترحه.
framework-problem-validated-by = تحقّق ممّن صادق عليه.
framework-problem-likelihood = اختر الاحتمال، من ١ إلى ٥.
framework-problem-impact = اختر الأثر، من ١ إلى ٥.
framework-problem-mitigation = تحقّق من تدابير التخفيف.
framework-problem-owner = اختر المسؤولين من بين أطراف هذه الخطة.
framework-problem-status = اختر إحدى الحالات المعروضة.
framework-problem-review-date = أدخل تاريخ المراجعة بصيغة تاريخ (سنة-شهر-يوم).
framework-problem-note = تحقّق من الملاحظة.
framework-problem-form = تحقّق من النموذج.
framework-risk-register = سجلّ المخاطر
framework-risk-explained = تُحتسب درجة كل خطر بضرب الاحتمال في الأثر (من ١ إلى ٥ لكلٍّ منهما، أي من ١ إلى ٢٥). تأتي المخاطر المفتوحة أولًا، والأعلى درجةً في المقدّمة.
framework-risk-matrix = توزّع المخاطر المفتوحة
framework-risk-matrix-caption = عدد المخاطر المفتوحة بحسب الأثر (الصفوف) والاحتمال (الأعمدة)
framework-impact-likelihood = الأثر \ الاحتمال
framework-risk-list = جميع المخاطر
framework-risk-level = المستوى
framework-risk-level-low = منخفض
framework-risk-level-medium = متوسط
framework-risk-level-high = مرتفع
framework-risk-level-critical = حرج
framework-risk-range-low = الدرجة من ١ إلى ٤
framework-risk-range-medium = الدرجة من ٥ إلى ٩
framework-risk-range-high = الدرجة من ١٠ إلى ١٤
framework-risk-range-critical = الدرجة من ١٥ إلى ٢٥
framework-risk-status-open = مفتوح
framework-risk-status-monitoring = قيد المتابعة
framework-risk-status-closed = مُغلق
framework-risk-of = يهدّد
framework-risk-plan-level = الخطة ككل
framework-score = الدرجة
framework-score-choice = { $n } — { $label }
framework-score-1 = منخفض جدًا
framework-score-2 = منخفض
framework-score-3 = متوسط
framework-score-4 = مرتفع
framework-score-5 = مرتفع جدًا
framework-sort-by = الترتيب بحسب:
framework-sort-score = الدرجة
framework-sort-activity = النشاط
framework-review-overdue = فات موعد المراجعة
framework-n-overdue-reviews = { $n ->
    [zero] لا مخاطر فات موعد مراجعتها
    [one] خطر واحد فات موعد مراجعته
    [two] خطران فات موعد مراجعتهما
    [few] { $count } مخاطر فات موعد مراجعتها
    [many] { $count } خطرًا فات موعد مراجعتها
   *[other] { $count } خطر فات موعد مراجعته
}
