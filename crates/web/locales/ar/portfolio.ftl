portfolio-title = الخطط
portfolio-due-heading = التقارير التي على منظمتك إرسالها
portfolio-plan = الخطة
portfolio-period = الفصل
portfolio-due-date = الموعد
portfolio-report-state = الحالة
portfolio-returned = مُعاد
portfolio-overdue = متأخر
portfolio-due = مستحق
portfolio-filters = تصفية الخطط
portfolio-search = بحث
portfolio-status = الحالة
portfolio-region = المنطقة
portfolio-reports = التقارير
portfolio-any = الكل
portfolio-with-due = التي لها تقارير مستحقة
portfolio-apply = تصفية
portfolio-count = { $shown } من أصل { $total } خطة
portfolio-empty = لا توجد خطة مطابقة. امسح عوامل التصفية، أو أنشئ خطة جديدة من نموذج.
portfolio-local-authority = السلطة المحلية
portfolio-partners = الشركاء
portfolio-current-milestone = المرحلة الرئيسية الحالية
portfolio-completed = الأنشطة المنجزة
portfolio-reports-due = التقارير المستحقة
portfolio-n-due = { $n ->
    [zero] لا تقارير مستحقة
    [one] تقرير مستحق واحد
    [two] تقريران مستحقان
    [few] { $count } تقارير مستحقة
    [many] { $count } تقريراً مستحقاً
   *[other] { $count } تقرير مستحق
}
portfolio-n-overdue = { $n ->
    [zero] لا تقارير متأخرة
    [one] تقرير متأخر واحد
    [two] تقريران متأخران
    [few] { $count } تقارير متأخرة
    [many] { $count } تقريراً متأخراً
   *[other] { $count } تقرير متأخر
}
