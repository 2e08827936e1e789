## Step names, as the vendor's portal shows them

step-eadm-import-hr = Import HR
step-eadm-import-hr-future = Import HR Future
step-eadm-import-hierarchy = Import Hierarchy
step-eadm-import-ad = Import AD
step-eadm-synchronization = Synchronization
step-eadm-export-ad = Export AD
step-eadm-import-ad-results = Import AD Results
step-eadm-export-azure = Export Azure
step-eadm-export-efeide = Export eFeide
step-efeide-import-sas-isi = Import SAS ISI
step-efeide-import-sas = Import SAS
step-efeide-import-visma-inschool = Import Visma InSchool
step-efeide-import-visma-flyt = Import Visma Flyt
step-efeide-import-samaccountname = Import samAccountName
step-efeide-import-flyvo = Import FlyVo
step-efeide-synchronization = Synchronization
step-efeide-export-ad = Export AD
step-efeide-import-ad = Import AD
step-efeide-export-lms = Export LMS
step-efeide-export-365 = Export 365
step-efeide-export-azure = Export Azure

## The cycle as a whole, in the header

overall-completed = Completed
overall-resumed = Resumed after the import filter
overall-failed = Failed at { $step }
overall-stopped = Stopped by the import filter at { $step }
overall-running = Running: { $step }
overall-unknown = Unknown state: { $state }

## Errors: what happened, then what to do

error-invalid-url = { $url } is not a valid service address.
error-invalid-url-hint = Check the address in the tenant's settings. It looks like https://name.example.no.
error-insecure-url = { $url } does not use https.
error-insecure-url-hint = Use the https address of the service. Plain http is only allowed to this machine.
error-unreachable = Could not reach { $url }.
error-unreachable-hint = Check the network connection and the address, then try again.
error-timeout = { $url } did not answer within { $seconds } seconds.
error-timeout-hint = The service may be busy or the network slow. Try again in a minute.
error-unauthorized = The service did not accept the API key.
error-unauthorized-hint = Check that the API key is correct and has not expired.
error-status = The service answered { $endpoint } with error { $status }.
error-status-hint = Try again in a minute. If it keeps happening, copy the details and contact support.
error-too-large = The service sent more data than expected for { $endpoint }.
error-too-large-hint = Copy the details and contact support.
error-malformed = The service sent data for { $endpoint } that Synkvakt does not understand.
error-malformed-hint = The service may be newer than this version of Synkvakt. Update Synkvakt, or contact support with the details.
error-disconnected = The connection broke off while reading { $endpoint }.
error-disconnected-hint = Try again. If it keeps happening, check the network.
error-settings-broken = The settings file cannot be read: { $path }
error-settings-broken-hint = Synkvakt runs with default settings. If you change a setting, the broken file is kept beside the new one, with “.broken” added to its name.
error-settings-too-new = The settings file was written by a newer Synkvakt: { $path }
error-settings-too-new-hint = Update Synkvakt. The file has not been changed.
error-io = A file could not be read or written: { $path }
error-io-hint = Check that the folder exists and that you may write to it.
error-demo-tenant = The demo tenant could not start.
error-demo-tenant-hint = Try again. If it keeps failing, the details below say why; the demo tenant's log is in Synkvakt's log folder.
error-refused = The action was not carried out: { $reason }
error-refused-hint = Read the reason, deal with it, and try again.

## The window

app-name = Synkvakt
demo-badge = Demo tenant
demo-notice = This is the built-in demo tenant (scenario “{ $scenario }”): simulated data for trying Synkvakt. Nothing here is a real municipality.
nav-label = Places
nav-status = Status
language-label = Language
language-os = Follow the system
loading = Fetching the status …
retry = Try again
error-details = Details for support
error-ipc = Synkvakt could not carry out the request.
error-ipc-hint = Restart Synkvakt. If it happens again, copy the details and contact support.

## The cycle and its steps

cycle-heading = Synchronization cycle · { $kind }
cycle-kind-full = full
cycle-kind-delta = delta
cycle-started-ago = Started { $when }
cycle-finished = finished { $when }
updated = updated { $time }
steps-label = Steps of the synchronization cycle
step-since = since { $time }
step-unknown-note = Synkvakt does not know this step. It is shown as the service names it.
state-completed = completed
state-failed = failed
state-stopped = stopped by the import filter
state-running = running
state-waiting = waiting to start
state-not-reached = not reached
state-skipped = skipped
state-unknown = unknown state: { $raw }

## Step details

detail-message = Message from the service:
detail-started = Started
detail-finished = Finished
detail-duration = Duration
detail-error-code = Error code
detail-step-key = Step key
import-filter-heading = Import filter
filter-new = New accounts
filter-changed = Changed accounts
filter-deleted = Deleted accounts
filter-anomaly = User data anomalies
filter-figures = { $observed } % ({ $count } of { $previous }), threshold { $threshold } %
filter-exceeded = over the threshold
filter-within = within the threshold

## Times and durations

age-now = just now
age-minutes = { $minutes } min ago
age-hours = { $hours } h { $minutes } min ago
age-days = { $days ->
    [one] { $days } day ago
   *[other] { $days } days ago
}
duration-seconds = { $seconds } s
duration-minutes = { $minutes } min
duration-hours = { $hours } h { $minutes } min
demo-scenario-healthy = all well
demo-scenario-step-failed = a step failed
demo-scenario-import-filter = stopped by the import filter
demo-scenario-stuck = a step never finishes
demo-scenario-running = a delta cycle running
demo-scenario-waiting = a step waiting for the client

## What each step does

about-eadm-import-hr = Fetches the employees from the HR system (HRM).
about-eadm-import-hr-future = Fetches employees whose start date is still ahead.
about-eadm-import-hierarchy = Fetches the organization chart.
about-eadm-import-ad = Fetches the accounts that already exist in the local Active Directory.
about-eadm-synchronization = Compares with the previous import, applies the rules and access grants, and works out the changes.
about-eadm-export-ad = Sends the changes to the local Active Directory through the client.
about-eadm-import-ad-results = The client reports what it created and changed in Active Directory.
about-eadm-export-azure = Sends the changes to Entra ID (Azure).
about-eadm-export-efeide = Sends the changes to eFeide.
about-efeide-import-sas-isi = Waits for data from IST (SATS, Extens, Everyday).
about-efeide-import-sas = Waits for data files from the school administrative system (WIS, IST stored locally, iSkole).
about-efeide-import-visma-inschool = Imports from Visma InSchool.
about-efeide-import-visma-flyt = Imports from Visma Flyt.
about-efeide-import-samaccountname = Waits for the user names from the local Active Directory.
about-efeide-import-flyvo = Waits for data from Visma Flyktning og Voksenopplæring.
about-efeide-synchronization = Compares with the previous import and works out the changes; the import filter can stop it here.
about-efeide-export-ad = Starts the transfer to the local Active Directory: a scheduled task on the domain controller fetches the export.
about-efeide-import-ad = The feedback from the local Active Directory after Export AD.
about-efeide-export-lms = Exports to the learning platforms (Canvas, Skolon, SDS and others).
about-efeide-export-365 = Exports to Microsoft 365.
about-efeide-export-azure = Exports to Azure.
about-unknown-step = The vendor's guides do not describe this step, so Synkvakt gives no advice of its own for it: contact support.

## What the admin can do

machine-client-server = the client server
machine-domain-controller = the domain controller
remedy-run-task = Run the scheduled task “{ $task }” on { $server } (Task Scheduler Library, Run) and wait until its status is Ready again.
remedy-run-task-or = Run the scheduled task “{ $task }” (or “{ $alternative }”) on { $server } and wait until its status is Ready again.
remedy-read-logs = Read the newest files in the client's log folder: { $path }
remedy-read-logs-on = Read the newest files in the client's log folder, { $path } on { $server }.
remedy-event-log = Look for errors in Event Viewer (Windows Logs > Application) on { $server }.
remedy-review-import-filter = Check whether this many changes are expected, for example after a reorganization. If not, review the newest import’s log, and if many accounts are to be deleted, check the data in the HR system first. When all is as it should be, resume the synchronization cycle.
remedy-school-promotion = If you have just run the yearly school promotion (skoleopprykk) in the school administrative system, this stop is expected: read the vendor's how-to for the school promotion.
remedy-iskole = Schools on iSkole cannot start this themselves: contact support.
remedy-contact-support = Only support can help with this step. Copy the details below into your message to support.
overall-stalled-step = Past its usual time: { $step }

## Details for support

support-tenant = Tenant
support-cycle = Cycle
support-step = Step
support-error-code = Error code
support-message = Message
support-started = Step started
support-finished = Step finished
support-cycle-started = Cycle started
support-app-version = App

## Guidance, history, offline and stale

nav-history = History
guidance-about = What this step does
situation-failed = What you can do now
situation-stopped = The cycle stopped at this step: what you can do
situation-waiting-too-long = It has not started in its usual time: what you can do
situation-running-too-long = It has run past its usual time: what you can do
guidance-support-only = There is nothing you can do about this step yourself: contact support, and copy the details for them.
copy-details = Copy details for support
copy-done = Copied. Paste them into your message to support.
copy-failed = Could not copy. Select the text below and copy it yourself.
overdue-running = Past its usual time: this step is usually done within { $limit }.
overdue-waiting = Past its usual time: this step usually starts within { $limit } after the step before it.
overdue-short = past its usual time
offline-title = Cannot reach the tenant. Showing the cycle as of { $when }.
offline-retrying = Synkvakt keeps trying and updates by itself when the tenant answers again.
history-heading = Recent synchronization cycles
history-state = State
history-kind = Kind
history-started = Started
history-duration = Duration
history-stopped = Stopped at
history-stopped-at = { $step }
history-not-finished = not finished
history-empty = The tenant has no cycles yet.
history-cycle-title = Cycle { $id }

## The import filter stop

refused-not-stopped = the cycle is no longer the one the import filter stopped. Look at the status again.
refused-counts-changed = the import's log changed since you looked at it. Review the new counts and confirm again.
log-heading = The newest import's log
log-counts = { $add } new, { $edit } changed, { $delete } to be deleted
log-kind-all = All
log-kind-add = New
log-kind-edit = Changed
log-kind-delete = Deleted
log-search = Search by user ID or name
log-user-id = User ID
log-name = Name
log-detail = Detail
log-kind = Kind
log-showing = Showing { $shown } of { $total }
log-more = Show more
log-none = No entries match.
resume-button = Resume synchronization cycle
resume-confirm-title = Resume the synchronization cycle?
resume-confirm-body = The held import passes: { $add } new accounts, { $edit } changes and { $delete } accounts deleted. This cannot be undone from Synkvakt.
resume-confirm = Resume and let { $total } changes pass
resume-cancel = Cancel
resume-working = Resuming …
resumed-note = The cycle is resumed. The data passes at the next scheduled cycle; if it is urgent, run a new manual sync now.
remedy-review-import-filter-school = Otherwise, check whether this many changes are expected. If not, review the newest import’s log, and if many accounts are to be deleted, check the data in the school administrative system first. When all is as it should be, resume the synchronization cycle.
overall-unreachable = Not reachable · as of { $time }

## Scheduled tasks

error-task-not-found = The scheduled task was not found: { $detail }
error-task-not-found-hint = Check the task's name and its server in the settings; in the Task Scheduler Library on that server, the task must have exactly that name.
error-task-access-denied = The Task Scheduler refused access: { $detail }
error-task-access-denied-hint = Your Windows user may not read or run tasks on that server. Sign in as a user who may, or ask the server's administrator.
error-task-service-not-running = The Task Scheduler service is not running: { $detail }
error-task-service-not-running-hint = Start the Task Scheduler service on that server, or ask its administrator to.
error-task-server-unreachable = The server with the task cannot be reached: { $detail }
error-task-server-unreachable-hint = Check the server's name, that it is on, and that the firewall lets remote task management through.
error-task-not-supported = This Task Scheduler cannot do that: { $detail }
error-task-not-supported-hint = Run the task in the Task Scheduler on the server itself.
error-task-already-running = The scheduled task is running already: { $detail }
error-task-already-running-hint = Wait until its status is Ready again, then check the cycle.
error-task-other = The Task Scheduler reported an error: { $detail }
error-task-other-hint = Try again. If it keeps happening, copy the details and contact support.

refusal-last-cycle-failed = the last cycle failed at { $step }. Do not start a new one: follow that step's guidance, or contact support.
refusal-last-cycle-stopped = the import filter stopped the last cycle. Review its import and resume it first.
refusal-unknown-cycle-state = the last cycle is in a state Synkvakt does not know ({ $state }). Do not start a new one: contact support.
refusal-task-running = the scheduled task is running already. Wait until its status is Ready again.
refusal-task-disabled = the scheduled task is disabled in the Task Scheduler. Enable it there, or ask the server's administrator.
refusal-not-a-remedy = running “{ $task }” does not help { $step } as it is now. Follow the step's guidance.
refusal-no-such-step = the cycle has no step { $step } any more. Look at the status again.

nav-manual-sync = Manual sync
cancel = Cancel
machine-this-computer = this computer
manual-sync-title = Manual synchronization
manual-sync-intro = A new cycle outside the schedule, the way the guide does it: check that the last cycle completed with every step, run the client's scheduled task and wait until it is Ready, clear your cache in the web portal, and watch the new cycle to its end. Synkvakt checks again right before anything runs.
manual-sync-begin = Start a manual synchronization…
manual-sync-again = Start another manual synchronization…
manual-sync-confirm = Start a new synchronization cycle for { $tenant }? It runs every step, the exports to the target systems included. Nothing starts if a cycle is running, failed or stopped.
manual-sync-run = Start manual synchronization
checklist-item-check-status = Check that the last cycle has finished
checklist-item-run-task = Run “{ $task }” on { $server } and wait until it is Ready
checklist-item-clear-cache = Clear your cache in the web portal
checklist-item-watch-cycle = Watch the new cycle until it completes
checklist-start-unanswered = The tenant did not answer the start. Synkvakt sends the same start again until it answers; the tenant starts at most one cycle for it.
checklist-waiting-for-cycle = Delta cycle { $cycle } is running ({ $minutes } min so far). Synkvakt waits for it for up to { $limit } min, the longest a delta cycle usually takes here, then checks again.
checklist-new-cycle-stopped = The new cycle stopped. Open Status and follow the guidance of the step that stopped.
checklist-started-by-api = This tenant started the cycle itself; no scheduled task was needed.
checklist-new-cycle = New cycle started at { $time }: { $headline }
checklist-new-cycle-steps = The new cycle
item-state-todo = not yet
item-state-doing = in progress
item-state-done = done
item-state-blocked = stopped
item-state-left = left
task-live = Task “{ $task }”: { $state }
task-state-ready = Ready
task-state-running = Running
task-state-queued = Queued
task-state-disabled = Disabled
task-state-unknown = state unknown
task-state-unreadable = state cannot be read
elapsed = { $duration } so far
manual-sync-since = Started at { $time }
manual-sync-ended = ended at { $time }
manual-sync-leave = Leave the checklist
manual-sync-leave-note = A running task is not stopped: Synkvakt follows it until it is Ready (and has the service clear the cache, where it can), and stops only then.
manual-sync-leaving = Leaving: Synkvakt finishes what is under way (the task, and the cache clear where the service does it), then stops.
manual-sync-outcome-completed = The new cycle completed. The manual synchronization is done.
manual-sync-outcome-new-cycle-stopped = The new cycle stopped. Follow the guidance of its step on the Status page.
manual-sync-outcome-refused = Nothing was started. The first item says why and what to do.
manual-sync-outcome-left = You left the checklist. Nothing was left half done.
manual-sync-outcome-failed = The scheduled task could not be read or run. The first item says why.
nudge-button = Run “{ $task }”
nudge-confirm = Run “{ $task }” on { $server } now? It does not start a new cycle: it gives { $step } what it waits for.
nudge-ran = You ran “{ $task }” at { $time }.
nudge-watching = Watching whether { $step } moves…
nudge-moved = { $step } has moved.
nudge-not-moved = { $step } has not moved. Read the newest files in the client's log folder, { $folder }, and Event Viewer (Windows Logs > Application) on { $machine }; if they do not explain it, contact support.

nav-reexport = Re-export
nav-export-queue = Export queue
reexport-title = Re-export of attributes
reexport-intro = Normally only changed values are exported. Re-export writes a mapping's values again, for all users or a selection: after someone changed values by hand in the target system, after a source expression changed, or to write a static value again for everyone.
reexport-target-attribute = Target attribute
reexport-source-expression = Source expression
reexport-actions = Actions
reexport-mapping = Export mapping { $attribute }…
reexport-template = Export attributes of { $template }…
reexport-all-attributes = all attributes
reexport-dialog-title = Re-export { $attribute } ({ $template })
reexport-scope = Users
reexport-scope-all = All users
reexport-scope-selection = A selection of users
reexport-search-users = Find users by ID or name
reexport-found = Showing { $shown } of { $total } matching users
reexport-add = Add
reexport-selected = { $count ->
    [one] 1 user selected
   *[other] { $count } users selected
}
reexport-remove = Remove { $id } from the selection
reexport-preview = Preview
reexport-execute = Execute…
reexport-close = Close
reexport-confirm-title = Re-export on { $tenant }
reexport-confirm-whole-scope = These counts are of every user in the re-export, not only the rows the table's filter shows.
reexport-confirm-all = This overwrites { $attributes } for all { $users } users ({ $values } values) in { $target }.
reexport-confirm-selection = This overwrites { $attributes } for { $users ->
    [one] 1 selected user
   *[other] { $users } selected users
} ({ $values ->
    [one] 1 value
   *[other] { $values } values
}) in { $target }.
reexport-confirm-changes = { $changes } of these values differ from what { $target } holds now, or it holds none.
reexport-overwrite = Overwrite { $attributes } in { $target }
reexport-queued = The re-export is on the export queue as { $job }. Follow it under Export queue.
reexport-job-as-confirmed = The job writes { $values } values for { $users } users, as you confirmed.
reexport-job-differs = The job writes { $values } values for { $users } users, but you confirmed { $confirmedValues } values for { $confirmedUsers } users. Check the job under Export queue; contact support if it should not run.
reexport-sent-open = Open Re-export
reexport-sent-title = Re-exports sent before Synkvakt stopped
reexport-sent-queued = The re-export of { $attributes } to { $target } on { $tenant }, confirmed at { $time }, reached the export queue as { $job }: { $values } values for { $users } users.
reexport-sent-never-arrived = The re-export of { $attributes } to { $target } on { $tenant }, confirmed at { $time }, was sent, but no answer came before Synkvakt stopped or lost the connection, and it is not on the export queue.
reexport-sent-again = Send it again…
reexport-sent-confirm = Send it again to { $tenant }? It overwrites { $attributes } for { $users } users ({ $values } values) in { $target }. It goes with the same key as before, so the tenant puts it on the queue at most once.
reexport-sent-send = Send the re-export of { $attributes } again
reexport-sent-other-tenant = A re-export of { $attributes } to { $target } on { $tenant }, confirmed at { $time }, was sent and not answered before Synkvakt stopped. Put { $tenant } in view to see whether it reached its export queue.
reexport-sent-moved = The re-export of { $attributes } to { $target } on { $tenant }, confirmed at { $time }, was sent to { $address }, which is no longer the tenant's address. Synkvakt does not send it to the new one; ask the vendor whether it reached that queue.
reexport-sent-unknown = Synkvakt could not ask whether the re-export of { $attributes } to { $target } on { $tenant }, confirmed at { $time }, reached the export queue. It asks again when you come back here.
preview-title = Preview of the re-export
preview-filter-user-id = Filter by user ID
preview-filter-text = Filter by any column
preview-counts = { $users ->
    [one] 1 user
   *[other] { $users } users
} · { $values ->
    [one] 1 value
   *[other] { $values } values
} · { $changes } would change
preview-loading = loading { $loaded } of { $total }
preview-column-user-id = User ID
preview-column-name = Name
preview-column-attribute = Attribute
preview-column-current-value = Value now
preview-column-new-value = Value to write
preview-no-value = (none)
queue-title = Export queue
queue-empty = The export queue is empty.
queue-users = { $users } users
queue-progress = Progress of { $job }
queue-state-queued = Queued
queue-state-running = Running
queue-state-completed = Completed
queue-state-failed = Failed
queue-state-unknown = Unknown state
queue-done = { $done } of { $total } values ({ $percent } %)
queue-created = Queued at { $time }
queue-finished = finished at { $time }
refused-preview-incomplete = the preview has not finished loading. Wait until every row is there, then execute.
refused-preview-changed = the counts you confirmed are not the preview's. Look at the preview again and confirm its counts.
refused-scope = the selection of users is not valid. Pick the users again.
refused-empty-selection = no users are selected. Add users, or choose all users.
refused-selection-too-large = a selection holds at most 10,000 users. Choose all users, or fewer.
refused-no-such-template = the tenant has no such template or mapping any more. Open the re-export page again.
refused-preview-unsteady = the data kept changing while the preview loaded. Wait until the tenant has finished its cycle, then open the preview again.
refused-sent-reexport-gone = that re-export is no longer waiting for an answer: it reached the queue, or was refused. Look at the export queue.
refused-sent-reexport-other-tenant = that re-export was sent to another tenant. Put that tenant in view, then send it again there.
refused-sent-reexport-outdated = the data changed since that re-export was confirmed, and nothing was queued. Open its preview again and confirm the new counts.
refused-preview-closed = that preview has been closed. Open the preview again.

## The watcher: notifications and the tray

notify-tenant-number = Tenant { $number }
notify-tooltip = Synkvakt · { $tenant }: { $state }
notify-tooltip-unreachable = Synkvakt · { $tenant } cannot be reached: { $why }
notify-tooltip-tenants = Synkvakt · { $count } tenants: { $attention ->
        [0] none needs attention
        [one] 1 needs attention
       *[other] { $attention } need attention
    }, { $unreachable } cannot be reached
notify-step-failed = { $tenant }: { $step } failed
notify-import-filter-stop = { $tenant }: the import filter stopped the cycle at { $step }
notify-step-overdue = { $tenant }: { $step } is taking longer than usual
notify-unreachable = { $tenant } cannot be reached
notify-manual-sync-completed = { $tenant }: the manual sync completed
notify-recovered = { $tenant }: the synchronization is OK again
notify-many-tenants = { $count } tenants: { $what }
notify-kind-step-failed = a step failed
notify-kind-import-filter-stop = the import filter stopped the cycle
notify-kind-step-overdue = a step is taking longer than usual
notify-kind-unreachable = cannot be reached
notify-kind-manual-sync-completed = the manual sync completed
notify-kind-recovered = the synchronization is OK again
notify-do-review-import = Open Synkvakt to review the import and resume the cycle.
notify-do-support = Only support can help: open Synkvakt and copy the details for support.
notify-do-run-task = Open Synkvakt to run “{ $task }”.
notify-do-open = Open Synkvakt to see what to do.
notify-do-open-many = Open Synkvakt to see which, and what to do.
notify-do-unreachable = Synkvakt keeps trying. Check the network connection to the service.
notify-do-nothing-new = Fresh data is in the target systems.
notify-do-nothing = Nothing more to do.
notify-action-open = Open
tray-open = Open Synkvakt
tray-manual-sync = Manual sync…
tray-pause = Pause notifications for an hour
tray-resume = Resume notifications (paused until { $time })
tray-start-at-login = Start watching when I sign in
tray-support-mode = Support mode (for a shared screen)
tray-quit = Quit Synkvakt

## The audit log

audit-this-computer = this computer
audit-change-settings = Changed the setting { $setting } to { $value }
audit-run-task-manual-sync = Ran “{ $task }” on { $server } for a manual sync
audit-run-task-nudge = Ran “{ $task }” on { $server } to move { $step } on
audit-start-cycle = Started a new cycle through the tenant's API
audit-clear-cache = Cleared the cache
audit-resume-cycle = Resumed cycle { $cycle } after the import filter ({ $add } new, { $edit } changed, { $delete } deleted)
audit-all-attributes = all attributes
audit-reexport-all = Re-exported { $what } of { $template } for all { $users } users ({ $values } values)
audit-reexport-selection = Re-exported { $what } of { $template } for { $users } selected users ({ $values } values)
nav-audit = Audit
audit-heading = Audit log: what was done from Synkvakt
audit-intro = Every action that changes something outside Synkvakt, and every setting changed, with who did it and how it went. Newest first.
audit-search-label = Find
audit-search-placeholder = Task, tenant, user or detail
audit-outcome-label = Outcome
audit-outcome-all = All outcomes
audit-outcome-started = started
audit-outcome-done = done
audit-outcome-refused = refused
audit-outcome-failed = failed
audit-col-time = Time
audit-col-user = User
audit-col-tenant = Tenant
audit-col-action = Action
audit-col-outcome = Outcome
audit-app-itself = Synkvakt
audit-empty = Nothing has been done from Synkvakt yet.
audit-none-match = No entries match.
audit-count = { $shown } of { $matching } entries
audit-more = Show older entries

## Tenants: profiles, the keyring, the network

error-tls = The certificate of { $url } could not be verified.
error-tls-hint = If your network has its own certificate authority or a proxy that inspects TLS, ask IT for its CA certificate: have it added to this computer's trusted roots, or name it under Settings → Network.
error-proxy-auth = The proxy between this computer and { $url } asks for a sign-in Synkvakt cannot give.
error-proxy-auth-hint = Proxies that sign in, with NTLM, Kerberos or a password, are not supported: a proxy password would have to sit in a file, and Synkvakt keeps secrets only in the keyring. Ask IT to let the service's address through the proxy without sign-in.
error-preview-outdated = The data changed since the preview, and nothing was put on the export queue. The re-export would now write { $values } values for { $users } users.
error-preview-outdated-hint = The preview below is loaded again with the data as it is now, with how many values change. Look at it, then confirm its counts.
error-redirected = The service address redirects to { $to }: correct the address.
error-redirected-hint = Synkvakt sends the API key only to the address in the profile, and the API never redirects. Put the service's own address in the tenant's profile (ask the vendor if you are unsure which it is).
error-extra-ca = The extra CA certificate cannot be used: { $path }
error-extra-ca-hint = Name a PEM file (it begins with -----BEGIN CERTIFICATE-----) that you may read, or clear the field.
error-keyring = The computer's keyring cannot be used.
error-keyring-hint = Synkvakt keeps API keys and passwords only there (Windows Credential Manager, or the Secret Service on Linux), never in a file. Sign in to the desktop session again or unlock the keyring, then try again.
error-no-api-key = No API key is stored for { $tenant }.
error-no-api-key-hint = Open Settings, choose the tenant and enter its API key.
error-no-tenant = No tenant has been chosen yet.
error-no-tenant-hint = Add your tenant under Settings, or open the demo tenant to look around.
error-tenant-switched = Another tenant was put in view while this was being fetched.
error-tenant-switched-hint = Synkvakt shows the tenant now in view; nothing of the other one is shown.
error-profile-not-found = That tenant is no longer in the settings.
error-profile-not-found-hint = It may have been removed in another window. Open Settings to see the tenants there are.
error-invalid = { $field }: { $rule }
error-invalid-hint = Correct the field and save again.
field-name = Display name
field-service-url = Service address
field-tasks = Scheduled tasks
field-task-name = Task name
field-task-server = The task's server
field-server-account = Account for the servers
field-api-key = API key
field-server-password = Password for the servers
field-client-server = Client server
field-log-folder = Log folder
field-interval = Poll interval
field-profiles = Tenants
field-demo-tenant = Demo tenant
field-proxy = Proxy
field-search = Search
field-extra-ca-file = Extra CA certificate
rule-required = must be filled in
rule-too-long = may be at most { $limit } characters
rule-control-characters = may not hold control characters
rule-host = must be a server name: letters, digits, hyphens and dots
rule-at-least = must be at least { $limit }
rule-at-most = may be at most { $limit }
rule-url = must be an address such as http://proxy.example.no:8080
rule-no-credentials = may not hold a user name or password: Synkvakt keeps secrets only in the keyring
rule-kept-for-another-address = was stored for another service address: type the key again to use it with this one
rule-kept-for-other-servers = was stored for other servers or another account: type the password again to use it with these
refused-manual-sync-under-way = a manual sync is under way. Let it finish, or leave its checklist, first.
refused-open-tenant-gone = the tenant this was about is no longer in Synkvakt's settings, so its step is not looked for in another tenant's cycle.
check-no-key = No API key: enter the tenant's key to test it.
check-reachable-ok = The service answers.
check-reachable-failed = The service cannot be reached.
check-tls-ok = The certificate is valid and trusted.
check-tls-loopback = Plain http to this computer: no certificate to check.
check-tls-failed = The certificate is not trusted.
check-auth-ok = The API key is accepted.
check-auth-failed = The API key is refused.
check-product-ok = The service is { $found }, as the profile says.
check-product-other = The service is { $found }, but the profile says { $expected }.
check-product-not-api = The address answers, but not as the { $expected } API.
check-not-checked = Not checked: an earlier check failed.
check-task-found = The task “{ $task }” is there.
check-task-not-here = The task “{ $task }” cannot be checked from this computer.
check-task-failed = The task “{ $task }” was not found or could not be read.
overview-alert-failed = { $step } failed
overview-alert-stopped = { $step } stopped
overview-alert-overdue = { $step } is past its usual time

## Settings: the tenant profiles, the first start, the overview of the tenants

nav-tenants = Tenants
nav-settings = Settings
header-tenants = show all tenants
tenant-in-view = in view
open-demo-tenant = Open the demo tenant
first-run-title = Welcome to Synkvakt
first-run-intro = Synkvakt watches the synchronization of your eAdm or eFeide tenant: it shows where a cycle stopped and what to do about it. Add your tenant to begin, or open the demo tenant to look around first.
first-run-demo-note = Simulated data, clearly marked: nothing you do there reaches a real municipality.
first-run-add = Add your tenant
settings-heading = Settings
settings-loading = Reading the settings …
settings-no-profiles = No tenant has been added yet.
settings-key-stored = API key stored
settings-no-key = No API key
settings-keyring-problem = The keyring could not say whether a key is stored: { $problem }
settings-edit = Edit
settings-edit-label = Edit { $tenant }
settings-remove = Remove
settings-remove-label = Remove { $tenant }
settings-remove-confirm = Remove { $tenant } from Synkvakt? Its settings, its API key and its password for the servers are deleted from this computer. Nothing changes in the tenant itself.
settings-remove-yes = Remove { $tenant }
settings-add = Add a tenant
settings-add-heading = Add a tenant
settings-edit-heading = Edit { $tenant }
settings-welcome = Show the welcome page
settings-demo-note = The demo tenant runs on this computer with simulated data, for trying Synkvakt and for training.
settings-network-heading = Network
settings-network-intro = Synkvakt trusts this computer's certificates and uses its proxy settings. Fill these in only if IT says the network needs them.
settings-extra-ca-hint = The path to a PEM file, trusted besides this computer's own certificates. Empty: only this computer's.
settings-proxy-hint = Empty: the system's proxy settings.
settings-network-save = Save the network settings
settings-network-saved = The network settings are saved.
profile-product = Product
profile-url-hint = The service's https address, such as https://name.example.no. Plain http is only allowed to this computer.
profile-api-key-new = Kept in this computer's keyring, never in a file.
profile-api-key-stored = A key is stored. Leave the field empty to keep it, or type a new key to replace it.
profile-api-key-none = No key is stored. Type the tenant's API key.
profile-api-key-moved = The address changed: type the key again. A stored key is sent only to the address it was saved for.
profile-remove-api-key = Remove the stored API key
profile-client-heading = The client's servers and tasks
profile-client-server-hint = The server the vendor's client runs on, such as eadm-klient01.
profile-task-row = { $field }, row { $number }
profile-task-remove = Remove
profile-task-remove-label = Remove task { $number }
profile-task-add = Add a task
profile-tasks-hint = A task's server follows the client server or the domain controller above until you type another. Empty: this computer.
profile-account-placeholder = DOMAIN\user
profile-account-hint = Only if your Windows user may not run tasks on the servers. Empty: your own user.
profile-password-hint = Kept in this computer's keyring, never in a file.
profile-password-stored = A password is stored. Leave the field empty to keep it, or type a new one to replace it.
profile-remove-password = Remove the stored password
profile-watch-heading = Watching
profile-interval = { $field } (seconds)
profile-watched = Watch in the tray
profile-watched-hint = The tray's watcher checks this tenant in the background and notifies you when its sync needs you.
profile-test = Test connection
profile-testing = Testing …
profile-save = Save
profile-report-heading = Test connection
profile-report-tenant = The service calls the tenant “{ $name }”.
check-outcome-passed = passed
check-outcome-failed = failed
check-outcome-not-checked = not checked
overview-heading = Tenants
overview-intro = Every tenant Synkvakt watches, and the one in view. Choose a tenant to see its status.
overview-refresh = Refresh
overview-loading = Asking each tenant …
overview-checked = Checked { $time }
overview-empty = There is no tenant to show. Add one under Settings.
overview-col-state = State
overview-col-tenant = Tenant
overview-col-product = Product
overview-col-last-completed = Last completed cycle
overview-col-attention = Needs attention
overview-unreachable = Cannot be reached
overview-never = none in the recent history

## The client's log folder

error-log-folder-missing = The log folder or file is not there: { $folder }
error-log-folder-missing-hint = Check the log folder in the tenant's settings (often C:\eadm\loggfiler on the client server), and that the client server is named, so that it is reached through its admin share.
error-log-folder-denied = You may not read { $folder }.
error-log-folder-denied-hint = Reading the client server's admin share (\\server\c$) takes an account that is an administrator there. Ask IT, or read the log on the server itself.
error-log-file-locked = Another program holds { $folder } and lets no one read it.
error-log-file-locked-hint = Try again in a moment; the client usually lets go of its log when a run ends.
error-log-folder-unreachable = { $folder } cannot be reached.
error-log-folder-unreachable-hint = The client server may be off or the network in between blocked (the admin share uses SMB, port 445). Check that you can open the folder in Explorer.
field-log-file = Log file
rule-file-name = must be the name of a file in the log folder

## The diagnostics bundle

bundle-part-app = Synkvakt and this computer
bundle-part-tenant = The tenant (no key)
bundle-part-cycles = The current and recent cycles
bundle-part-tasks = The scheduled tasks' state and last result
bundle-part-client-log = The end of the client's log { $file }
bundle-part-client-logs-missing = The client's log folder (not read)
bundle-part-event-log = Windows Event Log, Application, last 24 hours
bundle-part-app-log = Synkvakt's own log
bundle-part-audit = Synkvakt's audit trail
bundle-summary = Synkvakt { $version } on { $os }. Tenant: { $tenant } ({ $product }). Sync: { $headline }. { $step } Errors in the client's newest logs: { $errors }. Gathered { $time }.
refused-bundle-gone = this bundle is no longer the one shown. Gather it again, look at it, then save.

## Support mode, the client's logs and diagnostics in the window

support-mode-toggle = Support mode
support-mode-hint = For a shared screen: larger type and stronger contrast, and names, national ID numbers and e-mail addresses masked.
support-mode-badge = Support mode: personal data hidden
nav-client-logs = Client logs
nav-diagnostics = Diagnostics
size-unknown = size unknown
line-error = Error
line-warning = Warning
client-logs-heading = The client's log files
client-logs-intro = The newest files in the client's log folder. Only the end of a file is read, so even a very large log opens at once, and new lines show up as the client writes them.
client-logs-loading = Reading the log folder …
client-logs-files = Files, newest first
client-logs-refresh = Refresh the list
client-logs-empty = The folder holds no files.
client-logs-search-label = Find in the file
client-logs-search-placeholder = A word, e.g. Export
client-logs-follow = Follow new lines
client-logs-reading = Reading the file …
client-logs-encoding = Encoding: { $encoding }
client-logs-tail = showing the end of the file ({ $size } in all)
client-logs-counts = { $errors ->
    [one] 1 error
   *[other] { $errors } errors
}, { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
}
client-logs-none-match = No lines hold these words.
client-logs-no-lines = The file has no lines yet.
client-logs-lines = The lines of { $file }
diagnostics-heading = Diagnostics for support
diagnostics-intro = One click gathers what support asks for: Synkvakt's version and the OS, the tenant (no key), the current and recent cycles, the scheduled tasks, the end of the client's newest logs, the Windows Event Log of the last 24 hours, and Synkvakt's own log and audit trail. Look through the bundle, then save it and send it to support.
diagnostics-privacy = Nothing is written to disk until you save, and then only where you choose. Names, national ID numbers and e-mail addresses are masked in the bundle.
diagnostics-gather = Gather diagnostics
diagnostics-gather-again = Gather again
diagnostics-gathering = Gathering … { $elapsed }
diagnostics-contents = What the bundle holds
diagnostics-size = { $parts ->
    [one] 1 file
   *[other] { $parts } files
}, { $size } in all, gathered { $time }. Open a file to see its text.
diagnostics-part-errors = { $count ->
    [one] 1 error line
   *[other] { $count } error lines
}
diagnostics-part-text = The text of { $file }
diagnostics-save = Save as zip …
diagnostics-saved = Saved to { $path }
diagnostics-copy-summary = Copy summary
diagnostics-copied = Summary copied. Paste it into your support ticket.
diagnostics-copy-failed = Could not copy. Select the summary below and copy it yourself.
about-eadm-other-export = Sends the changes to another target system that this tenant has.
about-no-new-cycle = All steps of the last cycle completed.
waits-for-client-task = This step waits for the scheduled task “{ $task }” on { $server } to deliver what it needs.
waits-for-domain-controller-task = From the moment this step waits, a scheduled task on the domain controller fetches the export: typically “{ $task }”, on { $server }.
remedy-run-task-dc = Run the scheduled task “{ $task }” on the domain controller of the domain concerned ({ $server }), in its Task Scheduler Library, and wait until its status is Ready again.
remedy-run-task-dc-not-here = This profile does not let Synkvakt run tasks on a domain controller from this computer: run it there, or ask whoever administers it.
remedy-manual-sync = Run the sync task “{ $task }” on { $server } with Manual sync: it checks first that the last cycle completed.
remedy-support-if-no-help = If this does not help, contact support, and copy the details for them.
remedy-support-if-unsure = If you are unsure, contact support before you resume.
remedy-support-if-other-cause = If the cycle stopped for another reason, contact support, and copy the details for them.
remedy-school-promotion-link = The school promotion how-to (opens in your browser)
situation-no-new-cycle = What you can do
open-manual-sync = Open Manual sync
error-browser = The browser did not open { $url }.
error-browser-hint = Copy the address into your browser yourself.
refusal-full-cycle-running = a full cycle ({ $cycle }) is running. Never start a new one over it: wait until it has completed, then start again.
refusal-delta-runs-long = the delta cycle { $cycle } has run for { $minutes } min, longer than its usual time. Synkvakt stopped waiting for it: look at the status, and start again once it has completed.
refusal-step-not-completed = the last cycle is marked completed, but { $step } is { $state }, not completed. Do not start a new one: look at the status, and contact support if you are unsure.
refusal-task-state-unreadable = the Task Scheduler did not report the task as Ready, so Synkvakt cannot tell whether it runs. Check the task's status in Task Scheduler on the server, then start again.
refusal-domain-controller = “{ $task }” is on a domain controller, and this profile does not let Synkvakt run tasks there. Run it on the domain controller itself, or ask whoever administers it.
last-result-unknown = cannot be read here: this Task Scheduler does not give it
last-result-succeeded = ended well (code { $code })
last-result-still-running = has not ended: the task is still running (code { $code })
last-result-never-run = is not on record: the task has not run yet (code { $code })
last-result-terminated = was stopped before it finished (code { $code })
last-result-disabled = did not start: the task is disabled (code { $code })
last-result-failed = failed with code { $code }: the program the task runs returned it, and its log says why
checklist-task-failed = “{ $task }” is Ready again, but its last run { $result }. Nothing more was done. Read Event Viewer (Windows Logs > Application) on { $server } and the log folder { $folder }; if they do not explain it, contact support.
checklist-task-failed-no-folder = “{ $task }” on { $server } is Ready again, but its last run { $result }. Nothing more was done: contact support, and copy the details for them.
checklist-no-new-cycle = No new cycle appeared within { $minutes } min after “{ $task }” was done. Its last run { $result }. Read Event Viewer (Windows Logs > Application) on { $server } and the log folder { $folder }; if they do not explain it, contact support.
checklist-no-new-cycle-no-folder = No new cycle appeared within { $minutes } min after “{ $task }” on { $server } was done. Its last run { $result }. Contact support, and copy the details for them.
checklist-no-new-cycle-api = No new cycle appeared within { $minutes } min after the service accepted the start. Contact support, and copy the details for them.
checklist-cache-by-service = Synkvakt cleared your cache in the web portal through the service.
checklist-cache-in-portal = This service cannot clear it for you. In the web portal, click your profile icon at the top right, choose Settings, then Clear Cache; then tick below.
checklist-cache-tick = I have cleared the cache in the portal
checklist-cache-ticked = You cleared the cache in the portal.
manual-sync-run-task = Run “{ $task }” on { $server }
manual-sync-run-api = Start a new cycle through the service
manual-sync-outcome-task-failed = The scheduled task's run failed. The second item says what it returned and what to check.
manual-sync-outcome-no-new-cycle = No new cycle appeared. The last item says what to check.
no-new-cycle-warning = No new cycle has started since { $when }. Here the next full cycle usually starts by { $due }.
no-new-cycle-warning-default = No new cycle has started since { $when }, and the profile allows { $limit } between cycles until Synkvakt has seen a week of them.
no-new-cycle-short = No new cycle
notify-no-new-cycle = { $tenant }: no new cycle since { $since }
notify-kind-no-new-cycle = no new cycle within the usual gap
notify-do-no-new-cycle = Open Synkvakt to run the sync task with Manual sync.
overview-alert-no-new-cycle = No new cycle for { $hours } h
field-new-cycle-hours = No new cycle after
profile-new-cycle-hours = { $field } (hours, until Synkvakt has seen a week of cycles and learns the usual gap)
field-new-cycle-wait = Manual sync waits for the new cycle
profile-new-cycle-wait = { $field } (minutes after the task is done)
field-domain-controllers = Domain controllers
profile-domain-controllers-hint = For eFeide: the domain controller of each domain whose task fetches Export AD, separated by commas.
field-allow-domain-controller-tasks = Let Synkvakt run tasks on the domain controllers from this computer
profile-allow-domain-controller-tasks-hint = Off unless your organization allows it: a workstation that can run tasks on a domain controller holds domain-admin rights.
field-task-role = Role
nudge-not-moved-no-folder = { $step } did not move after the task on { $machine } ran: contact support, and copy the details for them.
nudge-button-on = Run “{ $task }” on { $server }
demo-scenario-no-new-cycle = no new cycle starts
about-no-new-cycle-resumed = The last cycle was resumed after an import-filter stop and is finished.
check-task-dc-not-allowed = The task “{ $task }” is on a domain controller, and this profile does not allow this workstation to reach tasks there: not checked.
waits-for-domain-controller-task-assigned = From the moment this step waits, a scheduled task on the domain controller fetches the export: { $tasks }.
task-on-server = “{ $task }” on { $server }
task-quoted = “{ $task }”
