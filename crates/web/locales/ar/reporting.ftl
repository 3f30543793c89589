# التقارير الفصلية: تبويب التقارير، واستمارة التقرير الفصلي ومراجعته، وصفحة المؤشر.
reporting-title = التقارير الفصلية
reporting-period-dates = من { $start } إلى { $end }
reporting-due-rule = { $n ->
    [zero] يُستحقّ تقرير كل ربع سنة فور انتهائه، ويُعدّ متأخراً بعد ذلك.
    [one] يُستحقّ تقرير كل ربع سنة بعد يوم واحد من انتهائه، ويُعدّ متأخراً بعد ذلك.
    [two] يُستحقّ تقرير كل ربع سنة بعد يومين من انتهائه، ويُعدّ متأخراً بعد ذلك.
    [few] يُستحقّ تقرير كل ربع سنة بعد { $count } أيام من انتهائه، ويُعدّ متأخراً بعد ذلك.
    [many] يُستحقّ تقرير كل ربع سنة بعد { $count } يوماً من انتهائه، ويُعدّ متأخراً بعد ذلك.
   *[other] يُستحقّ تقرير كل ربع سنة بعد { $count } يوم من انتهائه، ويُعدّ متأخراً بعد ذلك.
}
reporting-n-overdue = { $n ->
    [zero] لا تقارير متأخرة
    [one] تقرير متأخر واحد
    [two] تقريران متأخران
    [few] { $count } تقارير متأخرة
    [many] { $count } تقريراً متأخراً
   *[other] { $count } تقرير متأخر
}
reporting-n-to-review = { $n ->
    [zero] لا تقارير بانتظار مراجعتك
    [one] تقرير واحد بانتظار مراجعتك
    [two] تقريران بانتظار مراجعتك
    [few] { $count } تقارير بانتظار مراجعتك
    [many] { $count } تقريراً بانتظار مراجعتك
   *[other] { $count } تقرير بانتظار مراجعتك
}
reporting-period = ربع السنة
reporting-organisation = الجهة المُبلِّغة
reporting-state = الحالة
reporting-review-comment = تعليق المراجِع
reporting-next-step = المطلوب
reporting-due-on = موعد التسليم { $date }
reporting-not-begun = لم يبدأ بعد: لا شيء للإبلاغ عنه.
reporting-yours = (جهتك)
reporting-overdue = متأخر
reporting-todo-enter = إدخال القيم المحقَّقة
reporting-todo-correct = التصحيح وإعادة التقديم
reporting-todo-review = المراجعة
reporting-status-draft = مسودة
reporting-status-submitted = مقدَّم، بانتظار المراجعة
reporting-status-returned = مُعاد مع تعليق
reporting-status-approved = معتمد
reporting-locked = مقفل
reporting-total = المجموع
reporting-all-reports = جميع تقارير هذه الخطة
reporting-report-heading = تقرير { $period } المقدَّم من
reporting-done-saved = حُفظت المسودة. قدِّمها عند إدخال جميع قيم ربع السنة.
reporting-done-submitted = قُدِّم التقرير: سيراجعه طرف آخر في الخطة.
reporting-done-approved = اعتُمد التقرير وأصبح مقفلاً.
reporting-done-returned = أُعيد التقرير إلى الجهة المُبلِّغة مع تعليقك.
reporting-problems-heading = لم يُحفظ شيء. يُرجى تصحيح ما يلي:
reporting-due = موعد التسليم
reporting-submitted = التقديم
reporting-reviewed = المراجعة
reporting-by-on = من قِبل { $who } بتاريخ { $date }
reporting-returned-because = أعاده المراجِع مع التعليق التالي:
reporting-reviewer-said = تعليق المراجِع:
reporting-not-begun-note = لم يبدأ ربع السنة هذا بعد؛ يمكنك إعداد التقرير وإرساله بعد انتهاء ربع السنة.
reporting-locked-note = التقرير المعتمد مقفل: لم يعد بالإمكان تعديل قيمه.
reporting-other-parties = تقارير الأطراف الأخرى عن ربع السنة هذا:
reporting-nothing-to-report = لا يتولّى هذا الطرف الإبلاغ عن أيّ مؤشر من مؤشرات هذه الخطة.
reporting-nothing-reported = لم يُبلَّغ عن أيّ شيء لهذا الربع بعد.
reporting-hint-form = أدخل جميع قيم ربع السنة في هذه الاستمارة الواحدة. اترك القيمة فارغة إن لم يكن هناك ما يُبلَّغ عنه بعد. «حفظ المسودة» يحفظ عملك؛ و«التقديم» يرسل التقرير للمراجعة، ولا يعود بالإمكان تعديله بعد ذلك إلا إذا أُعيد إليك.
reporting-hint-number = الأرقام: بالأرقام العربية (1507.5) أو الهندية (١٥٠٧٫٥)، مع نقطة أو فاصلة عشرية ٫ للكسور ومن دون فاصل للآلاف (يمكن أن تنتهي النسبة المئوية بالرمز ٪). تُرفض الكلمات مثل «غير متوفر» أو «N/A»: اترك القيمة فارغة بدلاً من ذلك.
reporting-other-indicators = { $n ->
    [zero] لا مؤشرات أخرى
    [one] مؤشر آخر واحد، لأنشطة غير مقرَّرة في هذا الربع
    [two] مؤشران آخران، لأنشطة غير مقرَّرة في هذا الربع
    [few] { $count } مؤشرات أخرى، لأنشطة غير مقرَّرة في هذا الربع
    [many] { $count } مؤشراً آخر، لأنشطة غير مقرَّرة في هذا الربع
   *[other] { $count } مؤشر آخر، لأنشطة غير مقرَّرة في هذا الربع
}
reporting-save-draft = حفظ المسودة
reporting-submit = التقديم للمراجعة
reporting-submit-hint = يحفظ التقديم القيم أولاً؛ ولا يُقدَّم شيء إذا كانت إحدى القيم خاطئة.
reporting-review-heading = مراجعة هذا التقرير
reporting-review-hint = اعتمد التقرير لإقفاله، أو أعِده إلى الجهة المُبلِّغة مع بيان ما يجب تصحيحه.
reporting-review-your-comment = تعليقك
reporting-review-comment-hint = (إلزامي لإعادة التقرير)
reporting-approve = اعتماد
reporting-return = الإعادة مع تعليق
reporting-milestone-heading = المرحلة الرئيسية { $n }. { $title }
reporting-activity-heading = النشاط { $n }. { $title }
reporting-plan-results = نتائج الخطة ككلّ
reporting-result-line = { $level }: { $title }
reporting-level-output = المُخرَج
reporting-level-outcome = الحصيلة
reporting-level-impact = الأثر
reporting-level-other = النتيجة
reporting-measure-unit = عدد أو مبلغ
reporting-measure-percentage = نسبة مئوية
reporting-measure-nominal = رقم (اسمي)
reporting-measure-ordinal = درجة على سُلَّم (ترتيبي)
reporting-measure-qualitative = سرد وصفي (نوعي)
reporting-measure-line = يُقاس بوصفه { $measure }، ويُبلَّغ عنه { $frequency }
reporting-unit = الوحدة:
reporting-frequency-monthly = شهرياً
reporting-frequency-quarterly = كل ربع سنة
reporting-frequency-semi-annual = كل ستة أشهر
reporting-frequency-annual = سنوياً
reporting-frequency-once = مرة واحدة
reporting-target-line = المستهدف لـ{ $period }: { $value }
reporting-indicator-page = صفحة المؤشر
reporting-theirs = أبلغ عنه { $org } ({ $what }): { $value }
reporting-add-breakdown = إضافة تصنيف (تفصيل البيانات)
reporting-not-reported = لم يُبلَّغ عنه.
reporting-evidence-link = الإثبات
reporting-breakdown = التصنيف
reporting-breakdown-hint = بصيغة الاسم=القيمة، مثل الجنس=أنثى؛ ويُفصل بين أكثر من تصنيف بالرمز «;»، مثل الجنس=أنثى; العمر=18-24.
reporting-value = القيمة
reporting-comment = تعليق
reporting-evidence = رابط الإثبات
reporting-bad-form = تعذّرت قراءة الاستمارة. أعد تحميل الصفحة وحاول مجدداً.
reporting-problem-where = { $code } { $statement }
reporting-problem-number = «{ $value }» ليس رقماً. يُقاس هذا المؤشر بوصفه { $measure }، لذا فقيمته رقم، مثل 12 أو 1507.5. اتركها فارغة إن لم يكن هناك ما يُبلَّغ عنه.
reporting-problem-needs-value = التعليق أو الإثبات يحتاج إلى قيمة: أدخل القيمة، أو امسح التعليق والإثبات.
reporting-problem-cleared = لا يمكن إفراغ قيمة محفوظة هنا: أدخل القيمة من جديد (أو تصحيحها).
reporting-problem-breakdown = اكتب التصنيف بصيغة الاسم=القيمة، مثل الجنس=أنثى.
reporting-problem-breakdown-missing = حدِّد التصنيف الذي تعود إليه هذه القيمة، مثل الجنس=أنثى.
reporting-problem-evidence = الإثبات رابط يبدأ بـ https:// (أو ملف مرفق).
reporting-problem-no-indicator = أُرسلت قيمة لمؤشر لم يعد موجوداً في هذه الخطة. أعد تحميل الصفحة.
reporting-problem-submit = تعذّر تقديم التقرير: { $reason }
reporting-problem-return-comment = بيِّن ما يجب تصحيحه: التعليق إلزامي لإعادة التقرير.
reporting-problem-review = تعذّرت مراجعة التقرير: { $reason }
reporting-chart-title = المستهدف مقابل المحقَّق، المؤشر { $code }
reporting-chart-desc = القيم المستهدفة والمحقَّقة (المجاميع) للمؤشر «{ $statement }» في كل ربع سنة من { $first } إلى { $last }. يعرض الجدول أدناه جميع الأرقام.
reporting-target = المستهدف
reporting-actual = المحقَّق
reporting-definition = التعريف
reporting-baselines = خطوط الأساس
reporting-no-baseline = لا يوجد خط أساس بعد.
reporting-date = التاريخ
reporting-trend = المستهدف مقابل المحقَّق
reporting-chart-empty = لا توجد قيم مستهدفة أو محقَّقة بعد: الرسم البياني فارغ.
reporting-chart-caption = المستهدف: خط متقطّع مع مربعات فارغة. المحقَّق: خط متّصل مع دوائر مصمتة. المجاميع: القيمة غير المصنَّفة، وإلا فمجموع القيم المصنَّفة وفق بُعد واحد (مثل الجنس)؛ وترد جميع التصنيفات في الجدول.
reporting-chart-narrative = لا رسم بيانياً للمؤشر النوعي: ترد التقارير الخاصة به في الجدول أدناه.
reporting-values-heading = القيم المستهدفة والمحقَّقة حسب ربع السنة
reporting-fact-measure = نوع القياس
reporting-fact-unit = الوحدة
reporting-fact-direction = الاتجاه
reporting-fact-cumulation = التراكم
reporting-fact-frequency = دورية الإبلاغ
reporting-fact-data-source = مصدر البيانات
reporting-fact-collection-method = طريقة الجمع
reporting-fact-responsible = الجهة المُبلِّغة
reporting-fact-proposed-by = اقترحه
reporting-fact-validated-by = اعتمده
reporting-direction-up = الارتفاع إيجابي
reporting-direction-down = الانخفاض إيجابي
reporting-cumulation-cumulative = تراكمي: تتجمّع القيم وصولاً إلى المستهدف
reporting-cumulation-non-cumulative = كل فترة قائمة بذاتها
