# Plan overview and endorsement pages.
plan-facts = About the plan
plan-fact-status = Status
plan-fact-code = Code
plan-fact-kind = Kind
plan-kind-rto_transition = RTO transition
plan-kind-generic = Programme or project
plan-fact-start = Start
plan-fact-end = End
plan-fact-quarters = Quarters
plan-fact-currency = Reporting currency
plan-fact-report-due = Reports due
plan-n-days-after-quarter = { $n ->
    [one] one day after each quarter
   *[other] { $count } days after each quarter
}
plan-fact-template = Template
plan-endorsement = Endorsement
plan-endorsed = Endorsed
plan-endorsed-version = Every party has endorsed version { $version } of the framework.
plan-changes-awaiting = Changes awaiting endorsement
plan-changes-awaiting-detail = The framework has changed since the plan was endorsed: every party has to endorse version { $version }. The status stays as it is meanwhile.
plan-not-endorsed = Not endorsed
plan-not-endorsed-detail = Every party has to endorse version { $version } of the framework.
plan-flag = Attention
plan-start-passed-unendorsed = The start date has passed and the plan is not endorsed: it stays a draft until every party endorses it.
plan-awaiting = Still to endorse:
plan-endorsement-link = Endorsement, status and history of sign-offs
plan-parties = Parties
plan-party = Party
plan-role = Role
plan-region = Region
plan-endorsed-of-version = Endorsement of version { $version }
plan-awaited = Awaited
plan-signed = Endorsed
plan-signed-by = by { $name } on { $date }
plan-role-owner = Local authority (owner)
plan-role-partner = Development partner (co-owner)
plan-milestones = Milestones
plan-milestone = Milestone
plan-activities-completed = Activities completed
plan-progress = Progress
plan-n-of-m = { $n } of { $m }
plan-milestone-progress = Progress of milestone { $number }
plan-status-count = { $status }: { $count }
plan-progress-not_started = Not started
plan-progress-started = Started
plan-progress-advanced = Advanced
plan-progress-completed = Completed
plan-quality = Quality of the results framework
plan-quality-intro = Results-based management checks: every result should be measured, every indicator should say where it starts, where it should go, where its data comes from and who reports it, and every activity should have a lead.
plan-quality-none = No problem found: every outcome and output has indicators, every indicator has a baseline, a target, a data source and someone responsible, every activity has a lead and no report is overdue.
plan-to-check = To check
plan-check-outcome-without-indicator = { $n ->
    [one] One outcome has no indicator
   *[other] { $count } outcomes have no indicator
}
plan-check-outcome-without-indicator-why = Without an indicator nobody will know whether the change the plan aims at has happened.
plan-check-output-without-indicator = { $n ->
    [one] One output has no indicator
   *[other] { $count } outputs have no indicator
}
plan-check-output-without-indicator-why = An output with no indicator cannot be reported on.
plan-check-counter-of-numbers = { $n ->
    [one] Every indicator is a count of outputs
   *[other] Every indicator is a count of outputs
}
plan-check-counter-of-numbers-why = The plan only counts what is delivered (meetings, trainings…), a “counter of numbers”: add indicators of outcomes that show what changes for the local authority.
plan-check-no-baseline = { $n ->
    [one] One indicator has no baseline
   *[other] { $count } indicators have no baseline
}
plan-check-no-baseline-why = Without a baseline, progress cannot be measured from where the plan started.
plan-check-no-target = { $n ->
    [one] One indicator has no target
   *[other] { $count } indicators have no target
}
plan-check-no-target-why = Without a target, nobody can say whether an actual value is good news.
plan-check-no-data-source = { $n ->
    [one] One indicator has no data source
   *[other] { $count } indicators have no data source
}
plan-check-no-data-source-why = Say where each value will come from, so that it can be checked.
plan-check-no-responsible = { $n ->
    [one] One indicator has nobody responsible for reporting it
   *[other] { $count } indicators have nobody responsible for reporting them
}
plan-check-no-responsible-why = An indicator nobody is responsible for is rarely reported.
plan-check-activity-without-lead = { $n ->
    [one] One activity has a quarter without a lead
   *[other] { $count } activities have a quarter without a lead
}
plan-check-activity-without-lead-why = Each quarter of an activity's timeline needs a lead: the local authority, a partner, or both jointly.
plan-check-actuals-overdue = { $n ->
    [one] One quarterly report is overdue
   *[other] { $count } quarterly reports are overdue
}
plan-check-actuals-overdue-why = These parties' actuals for the quarter are past their due date.
plan-activity-n = Activity { $number }
plan-leads = Who leads what now
plan-leads-not-started = The plan has not started yet. Its first quarter:
plan-leads-ended = The plan's calendar has ended.
plan-leads-quarter = { $quarter }: { $start } – { $end }
plan-lead-local-authority = Local authority
plan-lead-joint = Jointly
plan-lead-partner = Development partner
plan-lead-none = Nobody
plan-leads-none = No activity is planned for this quarter.
plan-activity = Activity
plan-lead = Lead
plan-quarters = Calendar
plan-n-quarters = { $n ->
    [one] One quarter
   *[other] { $count } quarters
}
plan-quarter = Quarter
plan-from = From
plan-to = To
plan-report-due = Report due
plan-current-quarter = current
plan-when = { $date }, { $time } UTC
plan-endorsement-title = Endorsement and status
plan-endorsement-intro = A plan is endorsed when every party has signed off its current framework version. A material change to the framework, the timeline or the budget raises the version and calls for a new endorsement.
plan-version-heading = Framework version { $version }
plan-endorse-explain = You act for { $party }: endorsing records that { $party } signs off version { $version } of the results framework as it stands now.
plan-endorse-button = Endorse version { $version }
plan-signed-already = { $party } has endorsed the current version.
plan-endorse-needs-editor = Endorsing a plan needs an editor or administrator of one of its parties.
plan-status = Plan status
plan-step-current = current
plan-step-done = done
plan-move-explain = The plan's situation allows it to become “{ $status }”. A status never goes backwards.
plan-move-button = Move to “{ $status }”
plan-move-due = The plan can now become “{ $status }”; an editor or administrator of a party can record it.
plan-next = Next: { $status },
plan-next-endorsed = when every party has endorsed the current version of the framework.
plan-next-in-progress = once the plan is endorsed and its start date ({ $start }) is reached.
plan-next-handing-over = once the handover review (activity 25) has started.
plan-next-handed-over = once every item of the handover schedule is confirmed by both parties.
plan-next-closed = after the handover; closing a plan is not available yet.
plan-last-status = The plan is closed: its status cannot move further.
plan-endorsement-history = History of endorsements
plan-no-endorsement = No party has endorsed the plan yet.
plan-signed-at = When
plan-signed-by-col = Signed by
plan-framework-version = Framework version
plan-version-current = current
plan-version-superseded = superseded
plan-back-to-overview = Back to the plan overview
plan-bad-version = the framework version is missing; reload the page and try again
plan-bad-status = unknown status; reload the page and try again
