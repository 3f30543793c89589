portfolio-title = Plans
portfolio-due-heading = Reports your organisation has to send
portfolio-plan = Plan
portfolio-period = Quarter
portfolio-due-date = Due
portfolio-report-state = State
portfolio-returned = Returned
portfolio-overdue = Overdue
portfolio-due = Due
portfolio-filters = Filter the plans
portfolio-search = Search
portfolio-status = Status
portfolio-region = Region
portfolio-reports = Reports
portfolio-any = Any
portfolio-with-due = With reports due
portfolio-apply = Filter
portfolio-count = { $shown } of { $total } plans
portfolio-empty = No plan matches. Clear the filters, or start a new plan from a template.
portfolio-local-authority = Local authority
portfolio-partners = Partners
portfolio-current-milestone = Current milestone
portfolio-completed = Activities completed
portfolio-reports-due = Reports due
portfolio-n-due = { $n ->
    [one] { $count } due
   *[other] { $count } due
}
portfolio-n-overdue = { $n ->
    [one] { $count } overdue
   *[other] { $count } overdue
}
