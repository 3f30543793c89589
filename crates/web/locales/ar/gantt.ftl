# صفحات gantt: الجدول الزمني للخطة (مخطط غانت وجدوله).
gantt-title = الجدول الزمني — { $plan }
gantt-heading = الجدول الزمني
gantt-chart-title = الجدول الزمني للخطة
gantt-chart-region = مخطط غانت للخطة (يمكن تمريره أفقيًا على الشاشات الصغيرة)
gantt-chart-description = كل نشاط من أنشطة الخطة، مجمَّعًا تحت مرحلته الرئيسية، على امتداد أرباع الخطة: الأرباع المخطَّطة على شكل شريط محدَّد الإطار مملوء بنقش حالة النشاط، والأرباع التي نُفِّذ فيها فعليًا على شكل شريط داكن تحته، وتاريخ اليوم على شكل خط متقطّع. ويعرض الجدول أدناه المعلومات نفسها.
gantt-caption = يبيّن الشريط المحدَّد الإطار الأرباع المخطَّطة، ويبيّن نقشه الحالة (نقاط: لم يبدأ؛ خطوط مائلة: بدأ؛ خطوط متقاطعة: متقدّم؛ لون مصمت: مكتمل). ويبيّن الشريط الداكن تحته متى نُفِّذ النشاط فعليًا، ويشير الخط المتقطّع إلى اليوم.
gantt-today = اليوم، { $date }
gantt-today-in = اليوم هو { $date }، في { $quarter } من الخطة.
gantt-today-before = اليوم هو { $date }: تبدأ الخطة في { $start }.
gantt-today-after = اليوم هو { $date }: انتهى الجدول الزمني للخطة في { $end }.
gantt-empty = لا تتضمّن هذه الخطة أي مرحلة رئيسية أو نشاط بعد.
gantt-legend = مفتاح الرموز
gantt-legend-planned = الأرباع المخطَّطة
gantt-legend-actual = الأرباع الفعلية
gantt-legend-today = اليوم
gantt-milestone = { $number }. { $title }
gantt-quarter-range = { $from }–{ $to }
gantt-actual-since = منذ { $from }
gantt-actual-ended = انتهى في { $to }
gantt-actual-none = لم يبدأ بعد
gantt-summary = النشاط { $number }، { $title }: المخطَّط { $planned }؛ الفعلي: { $actual }؛ { $status }.
gantt-status-not_started = لم يبدأ
gantt-status-started = بدأ
gantt-status-advanced = متقدّم
gantt-status-completed = مكتمل
gantt-table-heading = الجدول الزمني على شكل جدول
gantt-col-activity = النشاط
gantt-col-planned = المخطَّط
gantt-col-actual = الفعلي
gantt-col-status = الحالة
gantt-col-slippage = التأخّر
gantt-on-time = لا يوجد
gantt-late = { $n ->
    [zero] لا تأخّر
    [one] متأخّر ربعًا واحدًا
    [two] متأخّر ربعين
    [few] متأخّر { $count } أرباع
    [many] متأخّر { $count } ربعًا
   *[other] متأخّر { $count } ربع
}
gantt-early = { $n ->
    [zero] لا تقدّم
    [one] متقدّم ربعًا واحدًا
    [two] متقدّم ربعين
    [few] متقدّم { $count } أرباع
    [many] متقدّم { $count } ربعًا
   *[other] متقدّم { $count } ربع
}
