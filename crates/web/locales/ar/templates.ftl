# صفحات templates: النماذج، ونموذج واحد، وخطة جديدة انطلاقًا من نموذج.
templates-title = النماذج
templates-intro = تبدأ الخطة نسخةً من نموذج: بمراحلها الرئيسية وأنشطتها ومُخرَجاتها ومؤشراتها ومخاطرها وجدولها الزمني. وأيّ تعديل لاحق على الخطة لا يغيّر النموذج أبدًا.
templates-new-plan = خطة جديدة انطلاقًا من نموذج
templates-empty = لا توجد نماذج بعد.
templates-col-name = النموذج
templates-col-code = الرمز
templates-col-kind = النوع
templates-col-source = المصدر
templates-col-milestones = المراحل الرئيسية
templates-col-activities = الأنشطة
templates-col-actions = الإجراءات
templates-builtin = مدمج
templates-own = خاص بمؤسستكم
templates-use = خطة جديدة
templates-use-this = خطة جديدة انطلاقًا من هذا النموذج
templates-kind-rto_transition = انتقال مكتب فني إقليمي
templates-kind-generic = برنامج أو مشروع
templates-quarters = الأرباع
templates-languages = اللغات
templates-contents = المحتوى
templates-n-milestones = { $n ->
    [zero] لا مراحل رئيسية
    [one] مرحلة رئيسية واحدة
    [two] مرحلتان رئيسيتان
    [few] { $count } مراحل رئيسية
    [many] { $count } مرحلةً رئيسية
   *[other] { $count } مرحلة رئيسية
}
templates-n-activities = { $n ->
    [zero] لا أنشطة
    [one] نشاط واحد
    [two] نشاطان
    [few] { $count } أنشطة
    [many] { $count } نشاطًا
   *[other] { $count } نشاط
}
templates-n-indicators = { $n ->
    [zero] لا مؤشرات
    [one] مؤشر واحد
    [two] مؤشران
    [few] { $count } مؤشرات
    [many] { $count } مؤشرًا
   *[other] { $count } مؤشر
}
templates-n-risks = { $n ->
    [zero] لا مخاطر
    [one] خطر واحد
    [two] خطران
    [few] { $count } مخاطر
    [many] { $count } خطرًا
   *[other] { $count } خطر
}
templates-output-facts = { $indicators }، { $risks }
templates-needs = الاحتياجات التي تلبّيها الأنشطة
templates-milestones = المراحل الرئيسية والأنشطة
templates-no-milestones = لا يتضمّن هذا النموذج أي مرحلة رئيسية.
templates-col-activity = النشاط
templates-col-lead = الجهة القائدة
templates-col-timeline = الجدول الزمني الإرشادي
templates-col-outputs = المُخرَجات
templates-repeatable = قابل للتكرار
templates-rationale = المبرّرات
templates-quarter-range = { $from }–{ $to }
templates-lead-local_authority = السلطة المحلية
templates-lead-partner = الشريك التنموي
templates-lead-joint = بشكل مشترك
templates-new-title = خطة جديدة انطلاقًا من نموذج
templates-new-intro = تُنسخ الخطة من النموذج ويُوضع جدولها الزمني ابتداءً من تاريخ البدء. وتبدأ مسودةً يمكن للأطراف تعديلها قبل اعتمادها.
templates-new-template = النموذج
templates-new-template-hint = الإطار الذي تُنسخ منه الخطة.
templates-new-name = اسم الخطة
templates-new-name-hint = بلغة هذه الصفحة؛ ويمكن إضافة اللغات الأخرى لاحقًا.
templates-new-code = الرمز
templates-new-code-hint = رمز قصير يُستخدم في عناوين الخطة على الويب: من 2 إلى 40 حرفًا لاتينيًا صغيرًا أو رقمًا أو شرطة. يُشتقّ من الاسم إذا تُرك فارغًا.
templates-new-local-authority = السلطة المحلية
templates-new-local-authority-hint = البلدية أو اتحاد البلديات المالك للخطة.
templates-new-choose = اختر…
templates-new-own-organisations = مؤسساتكم
templates-new-other-authorities = سلطات محلية أخرى
templates-new-partners = الشركاء التنمويون
templates-new-partners-hint = الشركاء الذين يتشاركون ملكية الخطة مع السلطة المحلية.
templates-new-no-partners = لا يضمّ الدليل أي شريك تنموي بعد.
templates-new-start = تاريخ البدء
templates-new-start-hint = اليوم الأول من شهر: يبدأ فيه الربع الأول من الخطة.
templates-new-currency = عملة التقارير
templates-new-currency-hint = الرمز الدولي للعملة المؤلَّف من ثلاثة أحرف، مثل USD أو EUR أو LBP.
templates-new-submit = إنشاء الخطة
templates-new-other = الخطة
templates-new-problem-template = اختر أحد النماذج.
templates-new-problem-code = استخدم من 2 إلى 40 حرفًا لاتينيًا صغيرًا أو رقمًا أو شرطة، على أن يبدأ الرمز بحرف أو رقم.
templates-new-problem-code-taken = هذا الرمز مستخدم في خطة أخرى: اختر رمزًا آخر.
templates-new-problem-name = أعطِ الخطة اسمًا.
templates-new-problem-local-authority = اختر بلدية أو اتحاد بلديات من الدليل.
templates-new-problem-party = أنت تعمل باسم { $organisation }: يجب أن تكون هي السلطة المحلية أو أحد شركاء الخطة.
templates-new-problem-partners = اختر كل شريك مرة واحدة من الدليل، ولا تختر السلطة المحلية نفسها.
templates-new-problem-start = اختر اليوم الأول من شهر: تبدأ الخطة في اليوم الأول من الشهر.
templates-new-problem-currency = أدخل الرمز الدولي للعملة المؤلَّف من ثلاثة أحرف، مثل USD أو LBP.
templates-new-problem-other = تعذّر إنشاء الخطة من هذا النموذج على حالته.
templates-org-type-municipality = بلدية
templates-org-type-union_of_municipalities = اتحاد بلديات
templates-org-type-ministry = وزارة
templates-org-type-development_partner = شريك تنموي
templates-org-type-private_company = شركة خاصة
templates-org-type-business_association = جمعية أعمال
templates-org-type-ngo = منظمة غير حكومية
templates-org-type-faith_based = منظمة دينية
templates-org-type-community_based = منظمة مجتمعية
templates-org-type-workers_organisation = منظمة عمّالية
templates-org-type-employers_organisation = منظمة أصحاب العمل
templates-org-type-development_bank = مصرف تنموي
templates-org-type-research_or_training = مؤسسة بحث أو تدريب
templates-org-type-other = مؤسسة أخرى
