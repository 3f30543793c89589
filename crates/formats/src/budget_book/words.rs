//! The workbook's sheet names and headers in English, French and Arabic.

use handover_core::money::Currency;
use handover_core::text::Lang;

/// A word or phrase of the workbook.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum W {
    SheetBudget,
    SheetByActivity,
    SheetByMilestone,
    SheetByCategory,
    SheetByParty,
    SheetByQuarter,
    SheetByYear,
    SheetSharing,
    SheetSpending,
    SheetRates,
    Milestone,
    Activity,
    Title,
    Category,
    Description,
    Unit,
    UnitPrice,
    Currency,
    Funder,
    TotalQuantity,
    Amount,
    Party,
    Quarter,
    Start,
    End,
    Year,
    Total,
    Planned,
    Actual,
    Variance,
    Spent,
    Overspent,
    Yes,
    PlannedToDate,
    BurnRate,
    SpentShare,
    Use,
    UseTotals,
    UsePayments,
    From,
    To,
    RateType,
    Date,
    Rate,
    Inverse,
    RateRule,
    NoConversion,
}

/// The text of `w` in `lang`.
pub(crate) fn tr(w: W, lang: Lang) -> &'static str {
    let [en, fr, ar] = words(w);
    match lang {
        Lang::En => en,
        Lang::Fr => fr,
        Lang::Ar => ar,
    }
}

fn words(w: W) -> [&'static str; 3] {
    match w {
        W::SheetBudget => ["Budget", "Budget", "الميزانية"],
        W::SheetByActivity => ["By activity", "Par activité", "حسب النشاط"],
        W::SheetByMilestone => ["By milestone", "Par jalon", "حسب المرحلة"],
        W::SheetByCategory => ["By category", "Par catégorie", "حسب الفئة"],
        W::SheetByParty => ["By party", "Par partie", "حسب الطرف"],
        W::SheetByQuarter => ["By quarter", "Par trimestre", "حسب الربع"],
        W::SheetByYear => ["By year", "Par année", "حسب السنة"],
        W::SheetSharing => ["Cost sharing", "Partage des coûts", "تقاسم التكاليف"],
        W::SheetSpending => ["Spending", "Dépenses", "الإنفاق"],
        W::SheetRates => ["Rates used", "Taux utilisés", "أسعار الصرف المستخدمة"],
        W::Milestone => ["Milestone", "Jalon", "المرحلة"],
        W::Activity => ["Activity", "Activité", "النشاط"],
        W::Title => ["Title", "Intitulé", "العنوان"],
        W::Category => ["Category", "Catégorie", "الفئة"],
        W::Description => ["Description", "Description", "الوصف"],
        W::Unit => ["Unit", "Unité", "الوحدة"],
        W::UnitPrice => ["Unit price", "Prix unitaire", "سعر الوحدة"],
        W::Currency => ["Currency", "Devise", "العملة"],
        W::Funder => ["Funder", "Financeur", "الجهة الممولة"],
        W::TotalQuantity => ["Total quantity", "Quantité totale", "الكمية الإجمالية"],
        W::Amount => ["Amount", "Montant", "المبلغ"],
        W::Party => ["Party", "Partie", "الطرف"],
        W::Quarter => ["Quarter", "Trimestre", "الربع"],
        W::Start => ["Start", "Début", "البداية"],
        W::End => ["End", "Fin", "النهاية"],
        W::Year => ["Year", "Année", "السنة"],
        W::Total => ["Total", "Total", "المجموع"],
        W::Planned => ["Planned", "Prévu", "المخطط"],
        W::Actual => ["Actual", "Réel", "الفعلي"],
        W::Variance => ["Variance", "Écart", "الفرق"],
        W::Spent => ["Spent", "Consommé", "نسبة الإنفاق"],
        W::Overspent => ["Overspent", "Dépassement", "تجاوز"],
        W::Yes => ["Yes", "Oui", "نعم"],
        W::PlannedToDate => ["Planned to date", "Prévu à ce jour", "المخطط حتى تاريخه"],
        W::BurnRate => [
            "Burn rate (actual ÷ planned to date)",
            "Taux d'exécution (réel ÷ prévu à ce jour)",
            "معدل الصرف (الفعلي ÷ المخطط حتى تاريخه)",
        ],
        W::SpentShare => [
            "Spent of the whole budget",
            "Part consommée du budget",
            "نسبة المصروف من الميزانية",
        ],
        W::Use => ["Used for", "Utilisé pour", "الاستخدام"],
        W::UseTotals => ["Totals", "Totaux", "المجاميع"],
        W::UsePayments => [
            "Payments in another currency than their line",
            "Paiements dans une autre devise que leur ligne",
            "مدفوعات بعملة غير عملة بندها",
        ],
        W::From => ["From", "De", "من"],
        W::To => ["To", "Vers", "إلى"],
        W::RateType => ["Rate type", "Type de taux", "نوع السعر"],
        W::Date => ["Date", "Date", "التاريخ"],
        W::Rate => [
            "Rate (1 From = … To)",
            "Taux (1 De = … Vers)",
            "السعر (1 من = … إلى)",
        ],
        W::Inverse => [
            "Inverse (1 To = … From)",
            "Inverse (1 Vers = … De)",
            "العكسي (1 إلى = … من)",
        ],
        W::RateRule => [
            "Each rate is the latest of its type on or before the date; an inverse rate counts (1 ÷ rate).",
            "Chaque taux est le dernier de son type à la date ou avant ; un taux inverse compte (1 ÷ taux).",
            "كل سعر هو آخر سعر من نوعه في التاريخ أو قبله؛ ويُعتدّ بالسعر العكسي (1 ÷ السعر).",
        ],
        W::NoConversion => [
            "No conversion was needed.",
            "Aucune conversion n'a été nécessaire.",
            "لم تكن هناك حاجة إلى أي تحويل.",
        ],
    }
}

/// `Q3`, `T3` or `الربع 3`.
pub(crate) fn quarter(seq: u16, lang: Lang) -> String {
    match lang {
        Lang::En => format!("Q{seq}"),
        Lang::Fr => format!("T{seq}"),
        Lang::Ar => format!("الربع {seq}"),
    }
}

/// `Amount (USD)`.
pub(crate) fn in_currency(w: W, c: &Currency, lang: Lang) -> String {
    format!("{} ({c})", tr(w, lang))
}
