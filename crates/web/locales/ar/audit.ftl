# صفحة سجل تعديلات الخطة (سجل التدقيق).
audit-title = سجل التعديلات
audit-intro = كل تعديل على هذه الخطة: من أجراه، ومتى، والقيم قبله وبعده. الأوقات بالتوقيت العالمي المنسق (UTC).
audit-problems = في عامل التصفية مشكلة:
audit-filters = تصفية السجل
audit-user = عدّله
audit-anyone = الجميع
audit-since = من تاريخ
audit-until = إلى تاريخ
audit-apply = تصفية
audit-clear = مسح عوامل التصفية
audit-bad-date = ليس تاريخاً: اختر تاريخاً أو اكتبه بالصيغة YYYY-MM-DD
audit-until-before-since = تاريخ النهاية يسبق تاريخ البداية
audit-none = لم يُسجَّل أي تعديل بعد.
audit-none-filtered = لا يوجد تعديل يطابق عوامل التصفية هذه.
audit-showing = التعديلات من { $first } إلى { $last } (الصفحة { $page })، الأحدث أولاً
audit-when = متى
audit-who = من
audit-what = ماذا
audit-change = التعديل
audit-before = قبل:
audit-after = بعد:
audit-n-more = { $n ->
    [zero] ولا حقول أخرى
    [one] وحقل آخر
    [two] وحقلان آخران
    [few] و{ $count } حقول أخرى
    [many] و{ $count } حقلاً آخر
   *[other] و{ $count } حقل آخر
}
audit-n-items = { $n ->
    [zero] لا عناصر
    [one] عنصر واحد
    [two] عنصران
    [few] { $count } عناصر
    [many] { $count } عنصراً
   *[other] { $count } عنصر
}
audit-pages = صفحات السجل
audit-newer = تعديلات أحدث
audit-older = تعديلات أقدم
audit-milestone-n = المرحلة الرئيسية { $number }
audit-framework-version = الإصدار { $version } من الإطار
audit-action-create = إنشاء
audit-action-update = تعديل
audit-action-delete = حذف
audit-action-import = استيراد
audit-entity-plan = الخطة
audit-entity-plan-status = حالة الخطة
audit-entity-milestone = مرحلة رئيسية
audit-entity-activity = نشاط
audit-entity-result = نتيجة
audit-entity-indicator = مؤشر
audit-entity-indicator-value = قيمة مستهدفة أو فعلية
audit-entity-risk = خطر
audit-entity-endorsement = مصادقة
audit-entity-report = تقرير فصلي
audit-entity-handover-item = بند تسليم
audit-entity-organisation = منظمة
audit-entity-user = مستخدم
audit-entity-membership = عضوية
audit-entity-api-token = رمز واجهة برمجة التطبيقات
audit-entity-session = جلسة
audit-entity-template = نموذج
audit-field-title = العنوان
audit-field-name = الاسم
audit-field-status = الحالة
audit-field-objective = الهدف
audit-field-rationale = المبرّر
audit-field-description = الوصف
audit-field-assumptions = الافتراضات
audit-field-statement = نص المؤشر
audit-field-code = الرمز
audit-field-number = الرقم
audit-field-position = الترتيب
audit-field-parent = يندرج تحت
audit-field-level = المستوى
audit-field-measure = نوع القياس
audit-field-unit = الوحدة
audit-field-direction = الاتجاه
audit-field-cumulation = التراكم
audit-field-baselines = خطوط الأساس
audit-field-data-source = مصدر البيانات
audit-field-collection-method = طريقة الجمع
audit-field-frequency = الدورية
audit-field-responsible = الجهة المسؤولة
audit-field-proposed-by = اقترحه
audit-field-validated-by = اعتمده
audit-field-planned = الجدول الزمني المخطط
audit-field-actual-start = البدء الفعلي
audit-field-actual-end = الانتهاء الفعلي
audit-field-leads = الجهات القائدة
audit-field-needs = الاحتياجات التي يلبيها
audit-field-financial-description = الوصف المالي
audit-field-value = القيمة
audit-field-comment = التعليق
audit-field-evidence = الإثبات
audit-field-dimensions = التصنيف التفصيلي
audit-field-kind = النوع
audit-field-period-id = الفترة
audit-field-indicator-id = المؤشر
audit-field-result-id = النتيجة
audit-field-activity-id = النشاط
audit-field-milestone-id = المرحلة الرئيسية
audit-field-organisation-id = المنظمة
audit-field-report-due-days = أيام رفع التقرير بعد نهاية الفصل
audit-field-review-comment = تعليق المراجِع
audit-field-submitted-by = قدّمه
audit-field-submitted-at = تاريخ التقديم
audit-field-reviewed-by = راجعه
audit-field-reviewed-at = تاريخ المراجعة
audit-field-reported-by = أدخله
audit-field-reported-at = تاريخ الإدخال
audit-field-actuals = القيم الفعلية
audit-field-likelihood = الاحتمال
audit-field-impact = الأثر
audit-field-mitigation = التخفيف
audit-field-owner = المسؤول
audit-field-review-date = تاريخ المراجعة
audit-field-due = الموعد
audit-field-overdue = متأخر
audit-field-owner-confirmation = تأكيد السلطة المحلية
audit-field-partner-confirmation = تأكيد الشريك
audit-field-framework-version = إصدار الإطار
audit-field-signed-by = الموقّع
audit-field-signed-at = تاريخ التوقيع
audit-value-level-output = مُخرَج
audit-value-level-outcome = حصيلة
audit-value-level-impact = أثر
audit-value-level-other = نتيجة أخرى
audit-value-measure-unit = عدد أو مبلغ
audit-value-measure-percentage = نسبة مئوية
audit-value-measure-nominal = اسمي
audit-value-measure-ordinal = سلّم ترتيبي
audit-value-measure-qualitative = نوعي
audit-value-direction-up = الارتفاع إيجابي
audit-value-direction-down = الانخفاض إيجابي
audit-value-frequency-monthly = شهرية
audit-value-frequency-quarterly = فصلية
audit-value-frequency-semi-annual = نصف سنوية
audit-value-frequency-annual = سنوية
audit-value-frequency-once = مرة واحدة
audit-value-cumulation-cumulative = تراكمي
audit-value-cumulation-non-cumulative = كل فترة على حدة
audit-value-kind-target = مستهدف
audit-value-kind-actual = قيمة فعلية
audit-value-kind-function = وظيفة
audit-value-kind-staff-costs = تكاليف الموظفين
audit-value-kind-asset = أصل
audit-value-kind-data = بيانات
audit-report-draft = مسودة
audit-report-submitted = مقدَّم
audit-report-returned = مُعاد
audit-report-approved = معتمد
audit-risk-open = مفتوح
audit-risk-monitoring = قيد المتابعة
audit-risk-closed = مغلق
