# صفحتا النظرة العامة على الخطة والمصادقة عليها.
plan-facts = عن الخطة
plan-fact-status = الحالة
plan-fact-code = الرمز
plan-fact-kind = النوع
plan-kind-rto_transition = انتقال مكتب فني إقليمي (RTO)
plan-kind-generic = برنامج أو مشروع
plan-fact-start = تاريخ البدء
plan-fact-end = تاريخ الانتهاء
plan-fact-quarters = عدد الفصول
plan-fact-currency = عملة التقارير
plan-fact-report-due = موعد التقارير
plan-n-days-after-quarter = { $n ->
    [zero] في اليوم الأخير من كل فصل
    [one] بعد يوم واحد من نهاية كل فصل
    [two] بعد يومين من نهاية كل فصل
    [few] بعد { $count } أيام من نهاية كل فصل
    [many] بعد { $count } يوماً من نهاية كل فصل
   *[other] بعد { $count } يوم من نهاية كل فصل
}
plan-fact-template = النموذج
plan-endorsement = المصادقة
plan-endorsed = مُصادق عليها
plan-endorsed-version = صادقت جميع الأطراف على الإصدار { $version } من الإطار.
plan-changes-awaiting = تعديلات بانتظار المصادقة
plan-changes-awaiting-detail = تغيّر الإطار منذ المصادقة على الخطة: على كل طرف أن يصادق على الإصدار { $version }. وتبقى الحالة على ما هي عليه في الأثناء.
plan-not-endorsed = غير مُصادق عليها
plan-not-endorsed-detail = على كل طرف أن يصادق على الإصدار { $version } من الإطار.
plan-flag = تنبيه
plan-start-passed-unendorsed = مضى تاريخ البدء ولم تتم المصادقة على الخطة: تبقى مسودة إلى أن تصادق عليها جميع الأطراف.
plan-awaiting = بانتظار مصادقة:
plan-endorsement-link = المصادقة والحالة وسجل التواقيع
plan-parties = الأطراف
plan-party = الطرف
plan-role = الدور
plan-region = المنطقة
plan-endorsed-of-version = المصادقة على الإصدار { $version }
plan-awaited = بانتظار المصادقة
plan-signed = تمت المصادقة
plan-signed-by = من قِبل { $name } في { $date }
plan-role-owner = السلطة المحلية (المالكة)
plan-role-partner = شريك التنمية (شريك في الملكية)
plan-milestones = المراحل الرئيسية
plan-milestone = المرحلة الرئيسية
plan-activities-completed = الأنشطة المنجزة
plan-progress = التقدّم
plan-n-of-m = { $n } من أصل { $m }
plan-milestone-progress = تقدّم المرحلة الرئيسية { $number }
plan-status-count = { $status }: { $count }
plan-progress-not_started = لم يبدأ
plan-progress-started = بدأ
plan-progress-advanced = متقدّم
plan-progress-completed = منجز
plan-quality = جودة إطار النتائج
plan-quality-intro = فحوص الإدارة القائمة على النتائج: ينبغي قياس كل نتيجة، وأن يبيّن كل مؤشر من أين ينطلق وإلى أين يجب أن يصل ومن أين تأتي بياناته ومن يرفع التقارير عنه، وأن يكون لكل نشاط جهة تقوده.
plan-quality-none = لا توجد مشكلة: لكل حصيلة ولكل مُخرَج مؤشرات، ولكل مؤشر خط أساس ومستهدف ومصدر بيانات وجهة مسؤولة، ولكل نشاط جهة تقوده، ولا يوجد تقرير متأخر.
plan-to-check = للتدقيق
plan-check-outcome-without-indicator = { $n ->
    [zero] لا توجد حصيلة بلا مؤشر
    [one] حصيلة واحدة بلا مؤشر
    [two] حصيلتان بلا مؤشر
    [few] { $count } حصائل بلا مؤشر
    [many] { $count } حصيلةً بلا مؤشر
   *[other] { $count } حصيلة بلا مؤشر
}
plan-check-outcome-without-indicator-why = من دون مؤشر لن يعرف أحد ما إذا كان التغيير الذي تسعى إليه الخطة قد تحقق.
plan-check-output-without-indicator = { $n ->
    [zero] لا يوجد مُخرَج بلا مؤشر
    [one] مُخرَج واحد بلا مؤشر
    [two] مُخرَجان بلا مؤشر
    [few] { $count } مُخرَجات بلا مؤشر
    [many] { $count } مُخرَجاً بلا مؤشر
   *[other] { $count } مُخرَج بلا مؤشر
}
plan-check-output-without-indicator-why = لا يمكن رفع تقرير عن مُخرَج لا مؤشر له.
plan-check-counter-of-numbers = { $n ->
    [zero] كل المؤشرات تعدّ المُخرَجات فقط
    [one] كل المؤشرات تعدّ المُخرَجات فقط
    [two] كل المؤشرات تعدّ المُخرَجات فقط
    [few] كل المؤشرات تعدّ المُخرَجات فقط
    [many] كل المؤشرات تعدّ المُخرَجات فقط
   *[other] كل المؤشرات تعدّ المُخرَجات فقط
}
plan-check-counter-of-numbers-why = لا تعدّ الخطة إلا ما يُنجَز (اجتماعات، دورات تدريبية…)، فتصبح «عدّاداً للأرقام»: أضف مؤشرات للحصائل تبيّن ما الذي يتغيّر لدى السلطة المحلية.
plan-check-no-baseline = { $n ->
    [zero] لا يوجد مؤشر بلا خط أساس
    [one] مؤشر واحد بلا خط أساس
    [two] مؤشران بلا خط أساس
    [few] { $count } مؤشرات بلا خط أساس
    [many] { $count } مؤشراً بلا خط أساس
   *[other] { $count } مؤشر بلا خط أساس
}
plan-check-no-baseline-why = من دون خط أساس لا يمكن قياس التقدّم انطلاقاً من نقطة بداية الخطة.
plan-check-no-target = { $n ->
    [zero] لا يوجد مؤشر بلا مستهدف
    [one] مؤشر واحد بلا مستهدف
    [two] مؤشران بلا مستهدف
    [few] { $count } مؤشرات بلا مستهدف
    [many] { $count } مؤشراً بلا مستهدف
   *[other] { $count } مؤشر بلا مستهدف
}
plan-check-no-target-why = من دون مستهدف لا يستطيع أحد أن يحكم على القيمة الفعلية.
plan-check-no-data-source = { $n ->
    [zero] لا يوجد مؤشر بلا مصدر بيانات
    [one] مؤشر واحد بلا مصدر بيانات
    [two] مؤشران بلا مصدر بيانات
    [few] { $count } مؤشرات بلا مصدر بيانات
    [many] { $count } مؤشراً بلا مصدر بيانات
   *[other] { $count } مؤشر بلا مصدر بيانات
}
plan-check-no-data-source-why = حدّد مصدر كل قيمة كي يمكن التحقق منها.
plan-check-no-responsible = { $n ->
    [zero] لا يوجد مؤشر بلا جهة مسؤولة عن رفع التقارير عنه
    [one] مؤشر واحد بلا جهة مسؤولة عن رفع التقارير عنه
    [two] مؤشران بلا جهة مسؤولة عن رفع التقارير عنهما
    [few] { $count } مؤشرات بلا جهة مسؤولة عن رفع التقارير عنها
    [many] { $count } مؤشراً بلا جهة مسؤولة عن رفع التقارير عنها
   *[other] { $count } مؤشر بلا جهة مسؤولة عن رفع التقارير عنها
}
plan-check-no-responsible-why = نادراً ما تُرفع تقارير عن مؤشر لا تتحمّل أي جهة مسؤوليته.
plan-check-activity-without-lead = { $n ->
    [zero] لا يوجد نشاط فيه فصل بلا جهة قائدة
    [one] نشاط واحد فيه فصل بلا جهة قائدة
    [two] نشاطان فيهما فصل بلا جهة قائدة
    [few] { $count } أنشطة فيها فصل بلا جهة قائدة
    [many] { $count } نشاطاً فيها فصل بلا جهة قائدة
   *[other] { $count } نشاط فيها فصل بلا جهة قائدة
}
plan-check-activity-without-lead-why = يحتاج كل فصل من الجدول الزمني للنشاط إلى جهة تقوده: السلطة المحلية، أو شريك، أو الاثنان معاً.
plan-check-actuals-overdue = { $n ->
    [zero] لا يوجد تقرير فصلي متأخر
    [one] تقرير فصلي واحد متأخر
    [two] تقريران فصليان متأخران
    [few] { $count } تقارير فصلية متأخرة
    [many] { $count } تقريراً فصلياً متأخراً
   *[other] { $count } تقرير فصلي متأخر
}
plan-check-actuals-overdue-why = تجاوزت القيم الفعلية لهذه الأطراف عن الفصل موعدها المحدد.
plan-activity-n = النشاط { $number }
plan-leads = من يقود ماذا الآن
plan-leads-not-started = لم تبدأ الخطة بعد. فصلها الأول:
plan-leads-ended = انتهى الجدول الزمني للخطة.
plan-leads-quarter = { $quarter }: من { $start } إلى { $end }
plan-lead-local-authority = السلطة المحلية
plan-lead-joint = بالاشتراك
plan-lead-partner = شريك التنمية
plan-lead-none = لا أحد
plan-leads-none = لا يوجد نشاط مخطط لهذا الفصل.
plan-activity = النشاط
plan-lead = الجهة القائدة
plan-quarters = الجدول الزمني
plan-n-quarters = { $n ->
    [zero] لا فصول
    [one] فصل واحد
    [two] فصلان
    [few] { $count } فصول
    [many] { $count } فصلاً
   *[other] { $count } فصل
}
plan-quarter = الفصل
plan-from = من
plan-to = إلى
plan-report-due = موعد التقرير
plan-current-quarter = الحالي
plan-when = { $date }، الساعة { $time } (UTC)
plan-endorsement-title = المصادقة والحالة
plan-endorsement-intro = تُعدّ الخطة مُصادقاً عليها عندما يوقّع كل طرف على الإصدار الحالي من إطارها. وأي تعديل جوهري على الإطار أو الجدول الزمني أو الموازنة يُنشئ إصداراً جديداً ويستدعي مصادقة جديدة.
plan-version-heading = الإصدار { $version } من الإطار
plan-endorse-explain = أنت تعمل باسم { $party }: تسجّل المصادقة أن { $party } يوقّع على الإصدار { $version } من إطار النتائج كما هو الآن.
plan-endorse-button = المصادقة على الإصدار { $version }
plan-signed-already = صادق { $party } على الإصدار الحالي.
plan-endorse-needs-editor = تتطلب المصادقة على الخطة دور محرّر أو مسؤول لدى أحد أطرافها.
plan-status = حالة الخطة
plan-step-current = الحالية
plan-step-done = مُنجزة
plan-move-explain = يسمح وضع الخطة بانتقالها إلى الحالة «{ $status }». ولا تعود الحالة إلى الوراء أبداً.
plan-move-button = الانتقال إلى «{ $status }»
plan-move-due = يمكن للخطة الآن أن تنتقل إلى الحالة «{ $status }»؛ ويمكن لمحرّر أو مسؤول لدى أحد الأطراف تسجيل ذلك.
plan-next = الحالة التالية: { $status }،
plan-next-endorsed = عندما تصادق جميع الأطراف على الإصدار الحالي من الإطار.
plan-next-in-progress = حين تتم المصادقة على الخطة ويحلّ تاريخ بدئها ({ $start }).
plan-next-handing-over = حين تبدأ مراجعة التسليم (النشاط ٢٥).
plan-next-handed-over = حين يؤكّد الطرفان كل بند من جدول التسليم.
plan-next-closed = بعد التسليم؛ لا يتوفر إغلاق الخطة بعد.
plan-last-status = الخطة مغلقة: لا يمكن أن تتغيّر حالتها بعد الآن.
plan-endorsement-history = سجل المصادقات
plan-no-endorsement = لم يصادق أي طرف على الخطة بعد.
plan-signed-at = التاريخ
plan-signed-by-col = الموقّع
plan-framework-version = إصدار الإطار
plan-version-current = الحالي
plan-version-superseded = سابق
plan-back-to-overview = العودة إلى النظرة العامة على الخطة
plan-bad-version = إصدار الإطار غير موجود؛ أعد تحميل الصفحة وحاول مجدداً
plan-bad-status = حالة غير معروفة؛ أعد تحميل الصفحة وحاول مجدداً
