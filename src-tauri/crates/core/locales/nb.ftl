## Stegnavn, slik leverandørens portal viser dem

step-eadm-import-hr = Import HR
step-eadm-import-hr-future = Import HR Future
step-eadm-import-hierarchy = Import Hierarchy
step-eadm-import-ad = Import AD
step-eadm-synchronization = Synkronisering
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
step-efeide-synchronization = Synkronisering
step-efeide-export-ad = Export AD
step-efeide-import-ad = Import AD
step-efeide-export-lms = Export LMS
step-efeide-export-365 = Export 365
step-efeide-export-azure = Export Azure

## Syklusen som helhet, i toppfeltet

overall-completed = Fullført
overall-resumed = Gjenopptatt etter importfilteret
overall-failed = Feilet på { $step }
overall-stopped = Stoppet av importfilteret på { $step }
overall-running = Kjører: { $step }
overall-unknown = Ukjent status: { $state }

## Feil: hva som skjedde, og hva du kan gjøre

error-invalid-url = { $url } er ikke en gyldig tjenesteadresse.
error-invalid-url-hint = Kontroller adressen i innstillingene for kunden. Den ser ut som https://navn.example.no.
error-insecure-url = { $url } bruker ikke https.
error-insecure-url-hint = Bruk https-adressen til tjenesten. Vanlig http er bare tillatt til denne maskinen.
error-unreachable = Fikk ikke kontakt med { $url }.
error-unreachable-hint = Kontroller nettverket og adressen, og prøv igjen.
error-timeout = { $url } svarte ikke innen { $seconds } sekunder.
error-timeout-hint = Tjenesten kan være travel eller nettverket tregt. Prøv igjen om et minutt.
error-unauthorized = Tjenesten godtok ikke API-nøkkelen.
error-unauthorized-hint = Kontroller at API-nøkkelen er riktig og ikke har gått ut.
error-status = Tjenesten svarte med feil { $status } på { $endpoint }.
error-status-hint = Prøv igjen om et minutt. Skjer det igjen, kopier detaljene og kontakt support.
error-too-large = Tjenesten sendte mer data enn ventet for { $endpoint }.
error-too-large-hint = Kopier detaljene og kontakt support.
error-malformed = Tjenesten sendte data for { $endpoint } som Synkvakt ikke forstår.
error-malformed-hint = Tjenesten kan være nyere enn denne versjonen av Synkvakt. Oppdater Synkvakt, eller kontakt support med detaljene.
error-disconnected = Forbindelsen brøt mens { $endpoint } ble lest.
error-disconnected-hint = Prøv igjen. Skjer det igjen, kontroller nettverket.
error-settings-broken = Innstillingsfilen kan ikke leses: { $path }
error-settings-broken-hint = Synkvakt bruker standardinnstillinger. Endrer du en innstilling, blir den ødelagte filen lagt til side ved den nye, med «.broken» lagt til i navnet.
error-settings-too-new = Innstillingsfilen er skrevet av en nyere Synkvakt: { $path }
error-settings-too-new-hint = Oppdater Synkvakt. Filen er ikke endret.
error-io = En fil kunne ikke leses eller skrives: { $path }
error-io-hint = Kontroller at mappen finnes, og at du har lov til å skrive i den.
error-demo-tenant = Demokunden kunne ikke starte.
error-demo-tenant-hint = Prøv igjen. Feiler det igjen, står årsaken i detaljene under; loggen til demokunden ligger i loggmappen til Synkvakt.
error-refused = Handlingen ble ikke utført: { $reason }
error-refused-hint = Les årsaken, rett opp, og prøv igjen.

## Vinduet

app-name = Synkvakt
demo-badge = Demokunde
demo-notice = Dette er den innebygde demokunden (scenario «{ $scenario }»): simulerte data for å prøve Synkvakt. Ingenting her er en ekte kommune.
nav-label = Steder
nav-status = Status
language-label = Språk
language-os = Følg systemet
loading = Henter status …
retry = Prøv igjen
error-details = Detaljer for support
error-ipc = Synkvakt kunne ikke utføre forespørselen.
error-ipc-hint = Start Synkvakt på nytt. Skjer det igjen, kopier detaljene og kontakt support.

## Syklusen og stegene

cycle-heading = Synkroniseringssyklus · { $kind }
cycle-kind-full = full
cycle-kind-delta = delta
cycle-started-ago = Startet { $when }
cycle-finished = ferdig { $when }
updated = oppdatert { $time }
steps-label = Stegene i synkroniseringssyklusen
step-since = siden { $time }
step-unknown-note = Synkvakt kjenner ikke dette steget. Det vises slik tjenesten kaller det.
state-completed = fullført
state-failed = feilet
state-stopped = stoppet av importfilteret
state-running = kjører
state-waiting = venter på å starte
state-not-reached = ikke nådd
state-skipped = hoppet over
state-unknown = ukjent status: { $raw }

## Detaljer om steget

detail-message = Melding fra tjenesten:
detail-started = Startet
detail-finished = Ferdig
detail-duration = Varighet
detail-error-code = Feilkode
detail-step-key = Stegnøkkel
import-filter-heading = Importfilter
filter-new = Nye kontoer
filter-changed = Endrede kontoer
filter-deleted = Slettede kontoer
filter-anomaly = Avvik i brukerdata
filter-figures = { $observed } % ({ $count } av { $previous }), terskel { $threshold } %
filter-exceeded = over terskelen
filter-within = innenfor terskelen

## Tider og varigheter

age-now = akkurat nå
age-minutes = for { $minutes } min siden
age-hours = for { $hours } t { $minutes } min siden
age-days = { $days ->
    [one] for { $days } dag siden
   *[other] for { $days } dager siden
}
duration-seconds = { $seconds } s
duration-minutes = { $minutes } min
duration-hours = { $hours } t { $minutes } min
demo-scenario-healthy = alt i orden
demo-scenario-step-failed = et steg feilet
demo-scenario-import-filter = stoppet av importfilteret
demo-scenario-stuck = et steg blir aldri ferdig
demo-scenario-running = en deltasyklus kjører
demo-scenario-waiting = et steg som venter på klienten

## Hva hvert steg gjør

about-eadm-import-hr = Henter de ansatte fra HR-systemet (HRM).
about-eadm-import-hr-future = Henter ansatte med startdato fram i tid.
about-eadm-import-hierarchy = Henter organisasjonskartet.
about-eadm-import-ad = Henter kontoene som allerede finnes i lokalt Active Directory.
about-eadm-synchronization = Sammenligner med forrige import, bruker reglene og tilgangene, og finner endringene.
about-eadm-export-ad = Sender endringene til lokalt Active Directory via klienten.
about-eadm-import-ad-results = Klienten melder hva den opprettet og endret i Active Directory.
about-eadm-export-azure = Sender endringene til Entra ID (Azure).
about-eadm-export-efeide = Sender endringene til eFeide.
about-efeide-import-sas-isi = Venter på data fra IST (SATS, Extens, Everyday).
about-efeide-import-sas = Venter på datafiler fra det skoleadministrative systemet (WIS, IST lagret lokalt, iSkole).
about-efeide-import-visma-inschool = Importerer fra Visma InSchool.
about-efeide-import-visma-flyt = Importerer fra Visma Flyt.
about-efeide-import-samaccountname = Venter på brukernavnene fra lokalt Active Directory.
about-efeide-import-flyvo = Venter på data fra Visma Flyktning og Voksenopplæring.
about-efeide-synchronization = Sammenligner med forrige import og finner endringene; importfilteret kan stoppe syklusen her.
about-efeide-export-ad = Starter overføringen til lokalt Active Directory: en planlagt oppgave på domenekontrolleren henter eksporten.
about-efeide-import-ad = Tilbakemeldingen fra lokalt Active Directory etter Export AD.
about-efeide-export-lms = Eksporterer til læringsplattformene (Canvas, Skolon, SDS og andre).
about-efeide-export-365 = Eksporterer til Microsoft 365.
about-efeide-export-azure = Eksporterer til Azure.
about-unknown-step = Leverandørens veiledninger beskriver ikke dette steget, så Synkvakt gir ingen egne råd for det: kontakt support.

## Hva du kan gjøre

machine-client-server = klientserveren
machine-domain-controller = domenekontrolleren
remedy-run-task = Kjør den planlagte oppgaven «{ $task }» på { $server } (Oppgaveplanlegging, Oppgaveplanleggingsbibliotek, Kjør), og vent til statusen er Klar igjen.
remedy-run-task-or = Kjør den planlagte oppgaven «{ $task }» (eller «{ $alternative }») på { $server }, og vent til statusen er Klar igjen.
remedy-read-logs = Les de nyeste filene i loggmappen til klienten: { $path }
remedy-read-logs-on = Les de nyeste filene i loggmappen til klienten, { $path } på { $server }.
remedy-event-log = Se etter feil i Hendelsesliste (Windows-logger > Program) på { $server }.
remedy-review-import-filter = Sjekk om så mange endringer er ventet, for eksempel etter en omorganisering. Hvis ikke, gå gjennom loggen for den nyeste importen, og skal mange kontoer slettes, sjekk dataene i HR-systemet først. Når alt er som det skal, gjenoppta synkroniseringssyklusen.
remedy-school-promotion = Har du nettopp kjørt skoleopprykket i det skoleadministrative systemet, er denne stansen ventet: les leverandørens veiledning for skoleopprykk.
remedy-iskole = Skoler på iSkole kan ikke starte dette selv: kontakt support.
remedy-contact-support = Bare support kan hjelpe med dette steget. Kopier detaljene under inn i meldingen til support.
overall-stalled-step = Over vanlig tid: { $step }

## Detaljer for support

support-tenant = Kunde
support-cycle = Syklus
support-step = Steg
support-error-code = Feilkode
support-message = Melding
support-started = Steget startet
support-finished = Steget ferdig
support-cycle-started = Syklusen startet
support-app-version = App

## Veiledning, historikk, frakoblet og stillstand

nav-history = Historikk
guidance-about = Hva steget gjør
situation-failed = Dette kan du gjøre nå
situation-stopped = Syklusen stoppet på dette steget: dette kan du gjøre
situation-waiting-too-long = Steget har ikke startet innen vanlig tid: dette kan du gjøre
situation-running-too-long = Steget har kjørt lenger enn vanlig: dette kan du gjøre
guidance-support-only = Du kan ikke gjøre noe med dette steget selv: kontakt support, og kopier detaljene til dem.
copy-details = Kopier detaljer for support
copy-done = Kopiert. Lim dem inn i meldingen til support.
copy-failed = Kunne ikke kopiere. Merk teksten under og kopier den selv.
overdue-running = Over vanlig tid: dette steget er vanligvis ferdig innen { $limit }.
overdue-waiting = Over vanlig tid: dette steget starter vanligvis innen { $limit } etter steget før.
overdue-short = over vanlig tid
offline-title = Får ikke kontakt med kunden. Viser syklusen slik den var { $when }.
offline-retrying = Synkvakt prøver videre og oppdaterer seg selv når kunden svarer igjen.
history-heading = Siste synkroniseringssykluser
history-state = Status
history-kind = Type
history-started = Startet
history-duration = Varighet
history-stopped = Stoppet på
history-stopped-at = { $step }
history-not-finished = ikke ferdig
history-empty = Kunden har ingen sykluser ennå.
history-cycle-title = Syklus { $id }

## Stopp i importfilteret

refused-not-stopped = syklusen er ikke lenger den importfilteret stoppet. Se på statusen igjen.
refused-counts-changed = loggen for importen er endret siden du så på den. Se på de nye tallene og bekreft på nytt.
log-heading = Loggen for den nyeste importen
log-counts = { $add } nye, { $edit } endrede, { $delete } som slettes
log-kind-all = Alle
log-kind-add = Nye
log-kind-edit = Endrede
log-kind-delete = Slettede
log-search = Søk på bruker-ID eller navn
log-user-id = Bruker-ID
log-name = Navn
log-detail = Detalj
log-kind = Type
log-showing = Viser { $shown } av { $total }
log-more = Vis flere
log-none = Ingen oppføringer passer.
resume-button = Gjenoppta synkroniseringssyklus
resume-confirm-title = Gjenoppta synkroniseringssyklusen?
resume-confirm-body = Importen som er holdt tilbake, slippes gjennom: { $add } nye kontoer, { $edit } endringer og { $delete } kontoer som slettes. Dette kan ikke angres fra Synkvakt.
resume-confirm = Gjenoppta og slipp gjennom { $total } endringer
resume-cancel = Avbryt
resume-working = Gjenopptar …
resumed-note = Syklusen er gjenopptatt. Dataene går gjennom ved neste planlagte syklus; haster det, kjør en ny manuell synkronisering nå.
remedy-review-import-filter-school = Ellers: sjekk om så mange endringer er ventet. Hvis ikke, gå gjennom loggen for den nyeste importen, og skal mange kontoer slettes, sjekk dataene i det skoleadministrative systemet først. Når alt er som det skal, gjenoppta synkroniseringssyklusen.
overall-unreachable = Ikke tilgjengelig · slik det var { $time }

## Planlagte oppgaver

error-task-not-found = Fant ikke den planlagte oppgaven: { $detail }
error-task-not-found-hint = Kontroller navnet på oppgaven og serveren i innstillingene; i Oppgaveplanleggingsbibliotek på den serveren må oppgaven ha nøyaktig det navnet.
error-task-access-denied = Oppgaveplanlegging nektet tilgang: { $detail }
error-task-access-denied-hint = Windows-brukeren din har kanskje ikke lov til å lese eller kjøre oppgaver på den serveren. Logg på som en bruker som har det, eller spør administratoren for serveren.
error-task-service-not-running = Tjenesten Oppgaveplanlegging kjører ikke: { $detail }
error-task-service-not-running-hint = Start tjenesten Oppgaveplanlegging på den serveren, eller be administratoren gjøre det.
error-task-server-unreachable = Fikk ikke kontakt med serveren der oppgaven ligger: { $detail }
error-task-server-unreachable-hint = Kontroller navnet på serveren, at den er på, og at brannmuren slipper gjennom fjernstyring av oppgaver.
error-task-not-supported = Denne oppgaveplanleggeren kan ikke gjøre det: { $detail }
error-task-not-supported-hint = Kjør oppgaven i Oppgaveplanlegging på selve serveren.
error-task-already-running = Den planlagte oppgaven kjører allerede: { $detail }
error-task-already-running-hint = Vent til statusen er Klar igjen, og sjekk så syklusen.
error-task-other = Oppgaveplanlegging meldte en feil: { $detail }
error-task-other-hint = Prøv igjen. Skjer det igjen, kopier detaljene og kontakt support.

refusal-last-cycle-failed = den siste syklusen feilet i { $step }. Ikke start en ny: følg veiledningen for det steget, eller kontakt support.
refusal-last-cycle-stopped = importfilteret stoppet den siste syklusen. Se gjennom importen og gjenoppta syklusen først.
refusal-unknown-cycle-state = den siste syklusen har en status Synkvakt ikke kjenner ({ $state }). Ikke start en ny: kontakt support.
refusal-task-running = den planlagte oppgaven kjører allerede. Vent til statusen er Klar igjen.
refusal-task-disabled = den planlagte oppgaven er deaktivert i Oppgaveplanlegging. Aktiver den der, eller spør administratoren av serveren.
refusal-not-a-remedy = å kjøre «{ $task }» hjelper ikke { $step } slik det står nå. Følg veiledningen for steget.
refusal-no-such-step = syklusen har ikke lenger steget { $step }. Se på statusen på nytt.

nav-manual-sync = Manuell synk
cancel = Avbryt
machine-this-computer = denne datamaskinen
manual-sync-title = Manuell synkronisering
manual-sync-intro = En ny syklus utenom planen, slik veiledningen beskriver: sjekk at siste syklus er fullført med alle steg, kjør klientens planlagte oppgave og vent til den er Ready, tøm hurtigbufferen din i nettportalen, og følg den nye syklusen til den er ferdig. Synkvakt sjekker på nytt rett før noe kjøres.
manual-sync-begin = Start en manuell synkronisering …
manual-sync-again = Start en ny manuell synkronisering …
manual-sync-confirm = Starte en ny synkroniseringssyklus for { $tenant }? Den kjører alle steg, også eksportene til målsystemene. Ingenting starter hvis en syklus kjører, har feilet eller er stoppet.
manual-sync-run = Start manuell synkronisering
checklist-item-check-status = Sjekk at siste syklus er ferdig
checklist-item-run-task = Kjør «{ $task }» på { $server } og vent til den er Klar
checklist-item-clear-cache = Tøm hurtigbufferen din i nettportalen
checklist-item-watch-cycle = Følg den nye syklusen til den er fullført
checklist-start-unanswered = Kunden svarte ikke på starten. Synkvakt sender den samme starten på nytt til den svarer; kunden starter høyst én syklus for den.
checklist-waiting-for-cycle = Deltasyklus { $cycle } kjører ({ $minutes } min så langt). Synkvakt venter på den i opptil { $limit } min, det lengste en deltasyklus vanligvis tar her, og sjekker så på nytt.
checklist-new-cycle-stopped = Den nye syklusen stoppet. Åpne Status og følg veiledningen for steget som stoppet.
checklist-started-by-api = Denne tenanten startet syklusen selv; ingen planlagt oppgave trengtes.
checklist-new-cycle = Ny syklus startet kl. { $time }: { $headline }
checklist-new-cycle-steps = Den nye syklusen
item-state-todo = ikke ennå
item-state-doing = pågår
item-state-done = ferdig
item-state-blocked = stoppet
item-state-left = forlatt
task-live = Oppgaven «{ $task }»: { $state }
task-state-ready = Klar
task-state-running = Kjører
task-state-queued = I kø
task-state-disabled = Deaktivert
task-state-unknown = ukjent status
task-state-unreadable = statusen kan ikke leses
elapsed = { $duration } så langt
manual-sync-since = Startet kl. { $time }
manual-sync-ended = avsluttet kl. { $time }
manual-sync-leave = Forlat sjekklisten
manual-sync-leave-note = En oppgave som kjører, stoppes ikke: Synkvakt følger den til den er Klar (og ber tjenesten tømme hurtigbufferen der den kan), og stopper først da.
manual-sync-leaving = Forlater: Synkvakt gjør ferdig det som pågår (oppgaven, og tømmingen av hurtigbufferen der tjenesten gjør den), og stopper så.
manual-sync-outcome-completed = Den nye syklusen er fullført. Den manuelle synkroniseringen er ferdig.
manual-sync-outcome-new-cycle-stopped = Den nye syklusen stoppet. Følg veiledningen for steget på Status-siden.
manual-sync-outcome-refused = Ingenting ble startet. Det første punktet sier hvorfor og hva du kan gjøre.
manual-sync-outcome-left = Du forlot sjekklisten. Ingenting ble stående halvferdig.
manual-sync-outcome-failed = Den planlagte oppgaven kunne ikke leses eller kjøres. Det første punktet sier hvorfor.
nudge-button = Kjør «{ $task }»
nudge-confirm = Kjøre «{ $task }» på { $server } nå? Det starter ikke en ny syklus: det gir { $step } det steget venter på.
nudge-ran = Du kjørte «{ $task }» kl. { $time }.
nudge-watching = Følger med på om { $step } kommer i gang …
nudge-moved = { $step } er i gang igjen.
nudge-not-moved = { $step } har ikke kommet i gang. Les de nyeste filene i klientens loggmappe, { $folder }, og Hendelsesliste (Windows-logger > Program) på { $machine }; forklarer de det ikke, kontakt support.

nav-reexport = Reeksport
nav-export-queue = Eksportkø
reexport-title = Reeksport av attributter
reexport-intro = Vanligvis eksporteres bare endrede verdier. Reeksport skriver verdiene til en mapping på nytt, for alle brukere eller et utvalg: når noen har endret verdier for hånd i målsystemet, når et kildeuttrykk er endret, eller for å skrive en fast verdi på nytt for alle.
reexport-target-attribute = Målattributt
reexport-source-expression = Kildeuttrykk
reexport-actions = Handlinger
reexport-mapping = Eksporter mapping { $attribute } …
reexport-template = Eksporter attributter for { $template } …
reexport-all-attributes = alle attributter
reexport-dialog-title = Reeksport av { $attribute } ({ $template })
reexport-scope = Brukere
reexport-scope-all = Alle brukere
reexport-scope-selection = Et utvalg brukere
reexport-search-users = Finn brukere på ID eller navn
reexport-found = Viser { $shown } av { $total } treff
reexport-add = Legg til
reexport-selected = { $count ->
    [one] 1 bruker valgt
   *[other] { $count } brukere valgt
}
reexport-remove = Fjern { $id } fra utvalget
reexport-preview = Forhåndsvis
reexport-execute = Utfør …
reexport-close = Lukk
reexport-confirm-title = Reeksport hos { $tenant }
reexport-confirm-whole-scope = Tallene gjelder alle brukerne i reeksporten, ikke bare radene tabellens filter viser.
reexport-confirm-all = Dette overskriver { $attributes } for alle { $users } brukere ({ $values } verdier) i { $target }.
reexport-confirm-selection = Dette overskriver { $attributes } for { $users ->
    [one] 1 valgt bruker
   *[other] { $users } valgte brukere
} ({ $values ->
    [one] 1 verdi
   *[other] { $values } verdier
}) i { $target }.
reexport-confirm-changes = { $changes } av verdiene er ulike det { $target } har nå, eller den har ingen.
reexport-overwrite = Overskriv { $attributes } i { $target }
reexport-queued = Reeksporten ligger i eksportkøen som { $job }. Følg den under Eksportkø.
reexport-job-as-confirmed = Jobben skriver { $values } verdier for { $users } brukere, slik du bekreftet.
reexport-job-differs = Jobben skriver { $values } verdier for { $users } brukere, men du bekreftet { $confirmedValues } verdier for { $confirmedUsers } brukere. Se på jobben under Eksportkø; kontakt support hvis den ikke skal kjøre.
reexport-sent-open = Åpne Reeksport
reexport-sent-title = Reeksporter sendt før Synkvakt stoppet
reexport-sent-queued = Reeksporten av { $attributes } til { $target } hos { $tenant }, bekreftet kl. { $time }, kom inn i eksportkøen som { $job }: { $values } verdier for { $users } brukere.
reexport-sent-never-arrived = Reeksporten av { $attributes } til { $target } hos { $tenant }, bekreftet kl. { $time }, ble sendt, men det kom ikke noe svar før Synkvakt stoppet eller mistet forbindelsen, og den ligger ikke i eksportkøen.
reexport-sent-again = Send den på nytt …
reexport-sent-confirm = Sende den på nytt til { $tenant }? Den overskriver { $attributes } for { $users } brukere ({ $values } verdier) i { $target }. Den sendes med samme nøkkel som sist, så kunden legger den i køen høyst én gang.
reexport-sent-send = Send reeksporten av { $attributes } på nytt
reexport-sent-other-tenant = En reeksport av { $attributes } til { $target } hos { $tenant }, bekreftet kl. { $time }, ble sendt uten svar før Synkvakt stoppet. Velg { $tenant } for å se om den kom inn i eksportkøen.
reexport-sent-moved = Reeksporten av { $attributes } til { $target } hos { $tenant }, bekreftet kl. { $time }, ble sendt til { $address }, som ikke lenger er kundens adresse. Synkvakt sender den ikke til den nye; spør leverandøren om den kom inn i den køen.
reexport-sent-unknown = Synkvakt fikk ikke spurt om reeksporten av { $attributes } til { $target } hos { $tenant }, bekreftet kl. { $time }, kom inn i eksportkøen. Den spør på nytt når du kommer tilbake hit.
preview-title = Forhåndsvisning av reeksporten
preview-filter-user-id = Filtrer på bruker-ID
preview-filter-text = Filtrer på alle kolonner
preview-counts = { $users ->
    [one] 1 bruker
   *[other] { $users } brukere
} · { $values ->
    [one] 1 verdi
   *[other] { $values } verdier
} · { $changes } vil endres
preview-loading = laster { $loaded } av { $total }
preview-column-user-id = Bruker-ID
preview-column-name = Navn
preview-column-attribute = Attributt
preview-column-current-value = Verdi nå
preview-column-new-value = Verdi som skrives
preview-no-value = (ingen)
queue-title = Eksportkø
queue-empty = Eksportkøen er tom.
queue-users = { $users } brukere
queue-progress = Fremdrift for { $job }
queue-state-queued = I kø
queue-state-running = Kjører
queue-state-completed = Fullført
queue-state-failed = Feilet
queue-state-unknown = Ukjent status
queue-done = { $done } av { $total } verdier ({ $percent } %)
queue-created = Lagt i kø kl. { $time }
queue-finished = ferdig kl. { $time }
refused-preview-incomplete = forhåndsvisningen er ikke ferdig lastet. Vent til alle radene er der, og utfør så.
refused-preview-changed = tallene du bekreftet, er ikke forhåndsvisningens. Se på forhåndsvisningen igjen og bekreft tallene.
refused-scope = utvalget av brukere er ikke gyldig. Velg brukerne på nytt.
refused-empty-selection = ingen brukere er valgt. Legg til brukere, eller velg alle brukere.
refused-selection-too-large = et utvalg kan ha høyst 10 000 brukere. Velg alle brukere, eller færre.
refused-no-such-template = tenanten har ikke lenger denne malen eller mappingen. Åpne reeksport-siden på nytt.
refused-preview-unsteady = dataene endret seg hele tiden mens forhåndsvisningen ble lastet. Vent til kunden er ferdig med syklusen, og åpne forhåndsvisningen på nytt.
refused-sent-reexport-gone = den reeksporten venter ikke lenger på svar: den kom i køen, eller ble avvist. Se i eksportkøen.
refused-sent-reexport-other-tenant = den reeksporten ble sendt til en annen kunde. Velg den kunden, og send den på nytt der.
refused-sent-reexport-outdated = dataene er endret siden den reeksporten ble bekreftet, og ingenting ble lagt i køen. Åpne forhåndsvisningen på nytt, og bekreft de nye tallene.
refused-preview-closed = den forhåndsvisningen er lukket. Åpne forhåndsvisningen på nytt.

## Overvåkeren: varsler og systemstatusfeltet

notify-tenant-number = Kunde { $number }
notify-tooltip = Synkvakt · { $tenant }: { $state }
notify-tooltip-unreachable = Synkvakt · { $tenant } svarer ikke: { $why }
notify-tooltip-tenants = Synkvakt · { $count } kunder: { $attention ->
        [0] ingen trenger oppmerksomhet
       *[other] { $attention } trenger oppmerksomhet
    }, { $unreachable } svarer ikke
notify-step-failed = { $tenant }: { $step } feilet
notify-import-filter-stop = { $tenant }: importfilteret stoppet syklusen på { $step }
notify-step-overdue = { $tenant }: { $step } tar lengre tid enn vanlig
notify-unreachable = { $tenant } svarer ikke
notify-manual-sync-completed = { $tenant }: den manuelle synkroniseringen er fullført
notify-recovered = { $tenant }: synkroniseringen er i orden igjen
notify-many-tenants = { $count } kunder: { $what }
notify-kind-step-failed = et steg feilet
notify-kind-import-filter-stop = importfilteret stoppet syklusen
notify-kind-step-overdue = et steg tar lengre tid enn vanlig
notify-kind-unreachable = svarer ikke
notify-kind-manual-sync-completed = den manuelle synkroniseringen er fullført
notify-kind-recovered = synkroniseringen er i orden igjen
notify-do-review-import = Åpne Synkvakt for å se gjennom importen og gjenoppta syklusen.
notify-do-support = Bare support kan hjelpe: åpne Synkvakt og kopier detaljene til support.
notify-do-run-task = Åpne Synkvakt for å kjøre «{ $task }».
notify-do-open = Åpne Synkvakt for å se hva du kan gjøre.
notify-do-open-many = Åpne Synkvakt for å se hvilke, og hva du kan gjøre.
notify-do-unreachable = Synkvakt prøver igjen. Sjekk nettverksforbindelsen til tjenesten.
notify-do-nothing-new = Ferske data er i målsystemene.
notify-do-nothing = Du trenger ikke gjøre noe mer.
notify-action-open = Åpne
tray-open = Åpne Synkvakt
tray-manual-sync = Manuell synkronisering …
tray-pause = Sett varsler på pause i en time
tray-resume = Slå på varsler igjen (satt på pause til { $time })
tray-start-at-login = Start overvåkingen når jeg logger på
tray-support-mode = Supportmodus (for delt skjerm)
tray-quit = Avslutt Synkvakt

## Revisjonsloggen

audit-this-computer = denne datamaskinen
audit-change-settings = Endret innstillingen { $setting } til { $value }
audit-run-task-manual-sync = Kjørte «{ $task }» på { $server } for en manuell synkronisering
audit-run-task-nudge = Kjørte «{ $task }» på { $server } for å få { $step } videre
audit-start-cycle = Startet en ny syklus gjennom API-et til kunden
audit-clear-cache = Tømte hurtigbufferen
audit-resume-cycle = Gjenopptok syklus { $cycle } etter importfilteret ({ $add } nye, { $edit } endrede, { $delete } slettede)
audit-all-attributes = alle attributter
audit-reexport-all = Reeksporterte { $what } i { $template } for alle { $users } brukere ({ $values } verdier)
audit-reexport-selection = Reeksporterte { $what } i { $template } for { $users } valgte brukere ({ $values } verdier)
nav-audit = Revisjon
audit-heading = Revisjonslogg: hva som er gjort fra Synkvakt
audit-intro = Hver handling som endrer noe utenfor Synkvakt, og hver innstilling som er endret, med hvem som gjorde det og hvordan det gikk. Nyeste først.
audit-search-label = Finn
audit-search-placeholder = Oppgave, kunde, bruker eller detalj
audit-outcome-label = Utfall
audit-outcome-all = Alle utfall
audit-outcome-started = startet
audit-outcome-done = utført
audit-outcome-refused = avvist
audit-outcome-failed = feilet
audit-col-time = Tid
audit-col-user = Bruker
audit-col-tenant = Kunde
audit-col-action = Handling
audit-col-outcome = Utfall
audit-app-itself = Synkvakt
audit-empty = Ingenting er gjort fra Synkvakt ennå.
audit-none-match = Ingen oppføringer passer.
audit-count = { $shown } av { $matching } oppføringer
audit-more = Vis eldre oppføringer

## Kunder: profiler, nøkkelringen, nettverket

error-tls = Sertifikatet til { $url } kunne ikke bekreftes.
error-tls-hint = Har nettverket egen sertifikatutsteder eller en proxy som inspiserer TLS, be IT om CA-sertifikatet: få det lagt til blant de klarerte rotsertifikatene på denne maskinen, eller oppgi det under Innstillinger → Nettverk.
error-proxy-auth = Proxyen mellom denne maskinen og { $url } krever en pålogging Synkvakt ikke kan gi.
error-proxy-auth-hint = Proxyer som krever pålogging, med NTLM, Kerberos eller passord, støttes ikke: et proxypassord måtte ligget i en fil, og Synkvakt lagrer hemmeligheter bare i nøkkelringen. Be IT slippe tjenestens adresse gjennom proxyen uten pålogging.
error-preview-outdated = Dataene er endret siden forhåndsvisningen, og ingenting ble lagt i eksportkøen. Reeksporten ville nå skrive { $values } verdier for { $users } brukere.
error-preview-outdated-hint = Forhåndsvisningen under er lastet på nytt med dataene slik de er nå, også hvor mange verdier som endres. Se over den, og bekreft tallene.
error-redirected = Tjenesteadressen videresender til { $to }: rett adressen.
error-redirected-hint = Synkvakt sender API-nøkkelen bare til adressen i profilen, og API-et videresender aldri. Skriv tjenestens egen adresse i kundeprofilen (spør leverandøren om du er usikker på hvilken det er).
error-extra-ca = Det ekstra CA-sertifikatet kan ikke brukes: { $path }
error-extra-ca-hint = Oppgi en PEM-fil (den begynner med -----BEGIN CERTIFICATE-----) som du har lov til å lese, eller tøm feltet.
error-keyring = Nøkkelringen på maskinen kan ikke brukes.
error-keyring-hint = Synkvakt lagrer API-nøkler og passord bare der (Windows Legitimasjonsbehandling, eller Secret Service på Linux), aldri i en fil. Logg på skrivebordet igjen eller lås opp nøkkelringen, og prøv igjen.
error-no-api-key = Ingen API-nøkkel er lagret for { $tenant }.
error-no-api-key-hint = Åpne Innstillinger, velg kunden og skriv inn API-nøkkelen.
error-no-tenant = Ingen kunde er valgt ennå.
error-no-tenant-hint = Legg til kunden deres under Innstillinger, eller åpne demokunden for å se deg om.
error-tenant-switched = En annen kunde ble valgt mens dette ble hentet.
error-tenant-switched-hint = Synkvakt viser kunden som er valgt nå; ingenting fra den andre vises.
error-profile-not-found = Den kunden finnes ikke lenger i innstillingene.
error-profile-not-found-hint = Den kan være fjernet i et annet vindu. Åpne Innstillinger for å se hvilke kunder som finnes.
error-invalid = { $field }: { $rule }
error-invalid-hint = Rett feltet og lagre igjen.
field-name = Visningsnavn
field-service-url = Tjenesteadresse
field-tasks = Planlagte oppgaver
field-task-name = Oppgavenavn
field-task-server = Serveren oppgaven ligger på
field-server-account = Konto for serverne
field-api-key = API-nøkkel
field-server-password = Passord for serverne
field-client-server = Klientserver
field-log-folder = Loggmappe
field-interval = Intervall mellom sjekker
field-profiles = Kunder
field-demo-tenant = Demokunde
field-proxy = Proxy
field-search = Søk
field-extra-ca-file = Ekstra CA-sertifikat
rule-required = må fylles ut
rule-too-long = kan være høyst { $limit } tegn
rule-control-characters = kan ikke inneholde kontrolltegn
rule-host = må være et servernavn: bokstaver, sifre, bindestrek og punktum
rule-at-least = må være minst { $limit }
rule-at-most = kan være høyst { $limit }
rule-url = må være en adresse som http://proxy.example.no:8080
rule-no-credentials = kan ikke inneholde brukernavn eller passord: Synkvakt lagrer hemmeligheter bare i nøkkelringen
rule-kept-for-another-address = ble lagret for en annen tjenesteadresse: skriv nøkkelen på nytt for å bruke den med denne
rule-kept-for-other-servers = ble lagret for andre servere eller en annen konto: skriv passordet på nytt for å bruke det med disse
refused-manual-sync-under-way = en manuell synkronisering pågår. La den gjøre seg ferdig, eller gå ut av sjekklisten først.
refused-open-tenant-gone = kunden dette gjaldt, finnes ikke lenger i innstillingene til Synkvakt, så steget letes ikke etter i en annen kundes syklus.
check-no-key = Ingen API-nøkkel: skriv inn nøkkelen til kunden for å teste den.
check-reachable-ok = Tjenesten svarer.
check-reachable-failed = Får ikke kontakt med tjenesten.
check-tls-ok = Sertifikatet er gyldig og klarert.
check-tls-loopback = Vanlig http til denne maskinen: ikke noe sertifikat å sjekke.
check-tls-failed = Sertifikatet er ikke klarert.
check-auth-ok = API-nøkkelen godtas.
check-auth-failed = API-nøkkelen avvises.
check-product-ok = Tjenesten er { $found }, slik profilen sier.
check-product-other = Tjenesten er { $found }, men profilen sier { $expected }.
check-product-not-api = Adressen svarer, men ikke som API-et til { $expected }.
check-not-checked = Ikke sjekket: en sjekk før feilet.
check-task-found = Oppgaven «{ $task }» finnes.
check-task-not-here = Oppgaven «{ $task }» kan ikke sjekkes fra denne maskinen.
check-task-failed = Oppgaven «{ $task }» ble ikke funnet eller kunne ikke leses.
overview-alert-failed = { $step } feilet
overview-alert-stopped = { $step } stoppet
overview-alert-overdue = { $step } har gått over vanlig tid

## Innstillinger: kundeprofilene, første oppstart, oversikten over kundene

nav-tenants = Kunder
nav-settings = Innstillinger
header-tenants = vis alle kunder
tenant-in-view = vises nå
open-demo-tenant = Åpne demokunden
first-run-title = Velkommen til Synkvakt
first-run-intro = Synkvakt følger med på synkroniseringen hos eAdm- eller eFeide-kunden deres: den viser hvor en syklus stoppet og hva dere kan gjøre med det. Legg til kunden deres for å begynne, eller åpne demokunden for å se deg om først.
first-run-demo-note = Simulerte data, tydelig merket: ingenting du gjør der, når en ekte kommune.
first-run-add = Legg til kunden deres
settings-heading = Innstillinger
settings-loading = Leser innstillingene …
settings-no-profiles = Ingen kunde er lagt til ennå.
settings-key-stored = API-nøkkel lagret
settings-no-key = Ingen API-nøkkel
settings-keyring-problem = Nøkkelringen kunne ikke si om en nøkkel er lagret: { $problem }
settings-edit = Endre
settings-edit-label = Endre { $tenant }
settings-remove = Fjern
settings-remove-label = Fjern { $tenant }
settings-remove-confirm = Fjerne { $tenant } fra Synkvakt? Innstillingene, API-nøkkelen og passordet for serverne slettes fra denne maskinen. Ingenting endres hos kunden selv.
settings-remove-yes = Fjern { $tenant }
settings-add = Legg til en kunde
settings-add-heading = Legg til en kunde
settings-edit-heading = Endre { $tenant }
settings-welcome = Vis velkomstsiden
settings-demo-note = Demokunden kjører på denne maskinen med simulerte data, for å prøve Synkvakt og til opplæring.
settings-network-heading = Nettverk
settings-network-intro = Synkvakt stoler på sertifikatene på denne maskinen og bruker proxyinnstillingene dens. Fyll ut dette bare hvis IT sier at nettverket trenger det.
settings-extra-ca-hint = Stien til en PEM-fil som klareres i tillegg til maskinens egne sertifikater. Tomt: bare maskinens egne.
settings-proxy-hint = Tomt: systemets proxyinnstillinger.
settings-network-save = Lagre nettverksinnstillingene
settings-network-saved = Nettverksinnstillingene er lagret.
profile-product = Produkt
profile-url-hint = Tjenestens https-adresse, for eksempel https://navn.example.no. Vanlig http er bare tillatt til denne maskinen.
profile-api-key-new = Lagres i nøkkelringen på denne maskinen, aldri i en fil.
profile-api-key-stored = En nøkkel er lagret. La feltet stå tomt for å beholde den, eller skriv inn en ny nøkkel for å erstatte den.
profile-api-key-none = Ingen nøkkel er lagret. Skriv inn API-nøkkelen til kunden.
profile-api-key-moved = Adressen er endret: skriv nøkkelen på nytt. En lagret nøkkel sendes bare til adressen den ble lagret for.
profile-remove-api-key = Fjern den lagrede API-nøkkelen
profile-client-heading = Klientens servere og oppgaver
profile-client-server-hint = Serveren som leverandørens klient kjører på, for eksempel eadm-klient01.
profile-task-row = { $field }, rad { $number }
profile-task-remove = Fjern
profile-task-remove-label = Fjern oppgave { $number }
profile-task-add = Legg til en oppgave
profile-tasks-hint = Serveren til en oppgave følger klientserveren eller domenekontrolleren over, til du skriver inn en annen. Tomt: denne maskinen.
profile-account-placeholder = DOMENE\bruker
profile-account-hint = Bare hvis Windows-brukeren din ikke har lov til å kjøre oppgaver på serverne. Tomt: din egen bruker.
profile-password-hint = Lagres i nøkkelringen på denne maskinen, aldri i en fil.
profile-password-stored = Et passord er lagret. La feltet stå tomt for å beholde det, eller skriv inn et nytt for å erstatte det.
profile-remove-password = Fjern det lagrede passordet
profile-watch-heading = Overvåking
profile-interval = { $field } (sekunder)
profile-watched = Overvåk i systemstatusfeltet
profile-watched-hint = Overvåkeren i systemstatusfeltet sjekker kunden i bakgrunnen og varsler deg når synkroniseringen trenger deg.
profile-test = Test tilkoblingen
profile-testing = Tester …
profile-save = Lagre
profile-report-heading = Test av tilkoblingen
profile-report-tenant = Tjenesten kaller kunden «{ $name }».
check-outcome-passed = i orden
check-outcome-failed = feilet
check-outcome-not-checked = ikke sjekket
overview-heading = Kunder
overview-intro = Alle kundene Synkvakt overvåker, og den som vises nå. Velg en kunde for å se statusen.
overview-refresh = Oppdater
overview-loading = Spør hver kunde …
overview-checked = Sjekket { $time }
overview-empty = Det er ingen kunde å vise. Legg til en under Innstillinger.
overview-col-state = Status
overview-col-tenant = Kunde
overview-col-product = Produkt
overview-col-last-completed = Sist fullførte syklus
overview-col-attention = Trenger oppmerksomhet
overview-unreachable = Får ikke kontakt
overview-never = ingen i den siste historikken

## Loggmappen til klienten

error-log-folder-missing = Loggmappen eller -filen finnes ikke: { $folder }
error-log-folder-missing-hint = Kontroller loggmappen i innstillingene for kunden (ofte C:\eadm\loggfiler på klientserveren), og at klientserveren er oppgitt, slik at den nås gjennom administrasjonsressursen.
error-log-folder-denied = Du har ikke lov til å lese { $folder }.
error-log-folder-denied-hint = For å lese administrasjonsressursen på klientserveren (\\server\c$) trengs en konto som er administrator der. Spør IT, eller les loggen på serveren selv.
error-log-file-locked = Et annet program holder { $folder } og lar ingen lese den.
error-log-file-locked-hint = Prøv igjen om litt; klienten slipper vanligvis loggen når en kjøring er ferdig.
error-log-folder-unreachable = Får ikke kontakt med { $folder }.
error-log-folder-unreachable-hint = Klientserveren kan være slått av, eller nettverket imellom sperret (administrasjonsressursen bruker SMB, port 445). Sjekk at du kan åpne mappen i Utforsker.
field-log-file = Loggfil
rule-file-name = må være navnet på en fil i loggmappen

## Diagnosepakken

bundle-part-app = Synkvakt og denne maskinen
bundle-part-tenant = Kunden (uten nøkkel)
bundle-part-cycles = Gjeldende og siste sykluser
bundle-part-tasks = Status og siste resultat for de planlagte oppgavene
bundle-part-client-log = Slutten av klientloggen { $file }
bundle-part-client-logs-missing = Loggmappen til klienten (ikke lest)
bundle-part-event-log = Windows Hendelseslogg, Program, siste 24 timer
bundle-part-app-log = Loggen til Synkvakt selv
bundle-part-audit = Revisjonsloggen til Synkvakt
bundle-summary = Synkvakt { $version } på { $os }. Kunde: { $tenant } ({ $product }). Synkronisering: { $headline }. { $step } Feil i de nyeste klientloggene: { $errors }. Samlet { $time }.
refused-bundle-gone = denne pakken er ikke lenger den som ble vist. Samle den på nytt, se gjennom den, og lagre.

## Supportmodus, klientloggene og diagnose i vinduet

support-mode-toggle = Supportmodus
support-mode-hint = For delt skjerm: større tekst og sterkere kontrast, og navn, fødselsnumre og e-postadresser maskert.
support-mode-badge = Supportmodus: personopplysninger skjult
nav-client-logs = Klientlogger
nav-diagnostics = Diagnose
size-unknown = ukjent størrelse
line-error = Feil
line-warning = Advarsel
client-logs-heading = Loggfilene til klienten
client-logs-intro = De nyeste filene i loggmappen til klienten. Bare slutten av en fil leses, så selv en svært stor logg åpnes med en gang, og nye linjer dukker opp etter hvert som klienten skriver dem.
client-logs-loading = Leser loggmappen …
client-logs-files = Filer, nyeste først
client-logs-refresh = Oppdater listen
client-logs-empty = Mappen har ingen filer.
client-logs-search-label = Finn i filen
client-logs-search-placeholder = Et ord, f.eks. Export
client-logs-follow = Følg nye linjer
client-logs-reading = Leser filen …
client-logs-encoding = Tegnkoding: { $encoding }
client-logs-tail = viser slutten av filen ({ $size } i alt)
client-logs-counts = { $errors ->
    [one] 1 feil
   *[other] { $errors } feil
}, { $warnings ->
    [one] 1 advarsel
   *[other] { $warnings } advarsler
}
client-logs-none-match = Ingen linjer inneholder disse ordene.
client-logs-no-lines = Filen har ingen linjer ennå.
client-logs-lines = Linjene i { $file }
diagnostics-heading = Diagnose for support
diagnostics-intro = Ett klikk samler det support spør etter: versjonen av Synkvakt og operativsystemet, kunden (uten nøkkel), gjeldende og siste sykluser, de planlagte oppgavene, slutten av de nyeste klientloggene, Windows Hendelseslogg for de siste 24 timene, og loggen og revisjonsloggen til Synkvakt selv. Se gjennom pakken, lagre den og send den til support.
diagnostics-privacy = Ingenting skrives til disk før du lagrer, og da bare der du velger. Navn, fødselsnumre og e-postadresser er maskert i pakken.
diagnostics-gather = Samle diagnose
diagnostics-gather-again = Samle på nytt
diagnostics-gathering = Samler … { $elapsed }
diagnostics-contents = Dette inneholder pakken
diagnostics-size = { $parts ->
    [one] 1 fil
   *[other] { $parts } filer
}, { $size } i alt, samlet { $time }. Åpne en fil for å se teksten.
diagnostics-part-errors = { $count ->
    [one] 1 feillinje
   *[other] { $count } feillinjer
}
diagnostics-part-text = Teksten i { $file }
diagnostics-save = Lagre som zip …
diagnostics-saved = Lagret i { $path }
diagnostics-copy-summary = Kopier sammendrag
diagnostics-copied = Sammendraget er kopiert. Lim det inn i saken til support.
diagnostics-copy-failed = Kunne ikke kopiere. Merk sammendraget under og kopier det selv.
about-eadm-other-export = Sender endringene til et annet målsystem som denne kunden har.
about-no-new-cycle = Alle stegene i den siste syklusen er fullført.
waits-for-client-task = Dette steget venter på at den planlagte oppgaven «{ $task }» på { $server } leverer det steget trenger.
waits-for-domain-controller-task = Når steget venter, er det en planlagt oppgave på domenekontrolleren som henter eksporten: typisk «{ $task }», på { $server }.
remedy-run-task-dc = Kjør den planlagte oppgaven «{ $task }» på domenekontrolleren i domenet det gjelder ({ $server }), i Oppgaveplanleggingsbibliotek der, og vent til statusen er Klar igjen.
remedy-run-task-dc-not-here = Denne profilen lar ikke Synkvakt kjøre oppgaver på en domenekontroller fra denne maskinen: kjør den der, eller be den som drifter den.
remedy-manual-sync = Kjør synkroniseringsoppgaven «{ $task }» på { $server } med Manuell synkronisering: den sjekker først at den siste syklusen er fullført.
remedy-support-if-no-help = Hjelper ikke dette, kontakt support, og kopier detaljene til dem.
remedy-support-if-unsure = Er du usikker, kontakt support før du gjenopptar.
remedy-support-if-other-cause = Har syklusen stanset av en annen grunn, kontakt support, og kopier detaljene til dem.
remedy-school-promotion-link = Veiledningen for skoleopprykk (åpnes i nettleseren)
situation-no-new-cycle = Dette kan du gjøre
open-manual-sync = Åpne Manuell synkronisering
error-browser = Nettleseren åpnet ikke { $url }.
error-browser-hint = Kopier adressen inn i nettleseren selv.
refusal-full-cycle-running = en full syklus ({ $cycle }) kjører. Start aldri en ny over den: vent til den er fullført, og start så på nytt.
refusal-delta-runs-long = deltasyklusen { $cycle } har kjørt i { $minutes } min, lenger enn vanlig. Synkvakt sluttet å vente på den: se på statusen, og start på nytt når den er fullført.
refusal-step-not-completed = den siste syklusen er merket fullført, men { $step } er { $state }, ikke fullført. Ikke start en ny: se på statusen, og kontakt support hvis du er usikker.
refusal-task-state-unreadable = Oppgaveplanlegging meldte ikke oppgaven som Klar, så Synkvakt kan ikke se om den kjører. Sjekk statusen til oppgaven i Oppgaveplanlegging på serveren, og start så på nytt.
refusal-domain-controller = «{ $task }» ligger på en domenekontroller, og denne profilen lar ikke Synkvakt kjøre oppgaver der. Kjør den på domenekontrolleren selv, eller be den som drifter den.
last-result-unknown = kan ikke leses her: Oppgaveplanlegging her gir det ikke
last-result-succeeded = gikk bra (kode { $code })
last-result-still-running = er ikke ferdig: oppgaven kjører fortsatt (kode { $code })
last-result-never-run = er ikke registrert: oppgaven har ikke kjørt ennå (kode { $code })
last-result-terminated = ble stoppet før den var ferdig (kode { $code })
last-result-disabled = kom ikke i gang: oppgaven er deaktivert (kode { $code })
last-result-failed = feilet med kode { $code }: programmet oppgaven kjører, ga den, og loggen sier hvorfor
checklist-task-failed = «{ $task }» er Klar igjen, men den siste kjøringen { $result }. Ingenting mer ble gjort. Les Hendelsesliste (Windows-logger > Program) på { $server } og loggmappen { $folder }; forklarer de det ikke, kontakt support.
checklist-task-failed-no-folder = «{ $task }» på { $server } er Klar igjen, men den siste kjøringen { $result }. Ingenting mer ble gjort: kontakt support, og kopier detaljene til dem.
checklist-no-new-cycle = Ingen ny syklus dukket opp innen { $minutes } min etter at «{ $task }» var ferdig. Den siste kjøringen { $result }. Les Hendelsesliste (Windows-logger > Program) på { $server } og loggmappen { $folder }; forklarer de det ikke, kontakt support.
checklist-no-new-cycle-no-folder = Ingen ny syklus dukket opp innen { $minutes } min etter at «{ $task }» på { $server } var ferdig. Den siste kjøringen { $result }. Kontakt support, og kopier detaljene til dem.
checklist-no-new-cycle-api = Ingen ny syklus dukket opp innen { $minutes } min etter at tjenesten tok imot starten. Kontakt support, og kopier detaljene til dem.
checklist-cache-by-service = Synkvakt tømte hurtigbufferen din i nettportalen gjennom tjenesten.
checklist-cache-in-portal = Denne tjenesten kan ikke tømme den for deg. I nettportalen: klikk på profilikonet øverst til høyre, velg Settings og så Clear Cache; kryss så av under.
checklist-cache-tick = Jeg har tømt hurtigbufferen i portalen
checklist-cache-ticked = Du tømte hurtigbufferen i portalen.
manual-sync-run-task = Kjør «{ $task }» på { $server }
manual-sync-run-api = Start en ny syklus gjennom tjenesten
manual-sync-outcome-task-failed = Kjøringen av den planlagte oppgaven feilet. Det andre punktet sier hva den returnerte og hva du bør sjekke.
manual-sync-outcome-no-new-cycle = Ingen ny syklus dukket opp. Det siste punktet sier hva du bør sjekke.
no-new-cycle-warning = Ingen ny syklus har startet siden { $when }. Her starter neste fulle syklus vanligvis innen { $due }.
no-new-cycle-warning-default = Ingen ny syklus har startet siden { $when }, og profilen tillater { $limit } mellom syklusene til Synkvakt har sett en uke av dem.
no-new-cycle-short = Ingen ny syklus
notify-no-new-cycle = { $tenant }: ingen ny syklus siden { $since }
notify-kind-no-new-cycle = ingen ny syklus innen det vanlige mellomrommet
notify-do-no-new-cycle = Åpne Synkvakt for å kjøre synkroniseringsoppgaven med Manuell synkronisering.
overview-alert-no-new-cycle = Ingen ny syklus på { $hours } t
field-new-cycle-hours = Ingen ny syklus etter
profile-new-cycle-hours = { $field } (timer, til Synkvakt har sett en uke med sykluser og lærer det vanlige mellomrommet)
field-new-cycle-wait = Manuell synkronisering venter på den nye syklusen
profile-new-cycle-wait = { $field } (minutter etter at oppgaven er ferdig)
field-domain-controllers = Domenekontrollere
profile-domain-controllers-hint = For eFeide: domenekontrolleren i hvert domene der en oppgave henter Export AD, skilt med komma.
field-allow-domain-controller-tasks = La Synkvakt kjøre oppgaver på domenekontrollerne fra denne maskinen
profile-allow-domain-controller-tasks-hint = Av med mindre organisasjonen din tillater det: en arbeidsstasjon som kan kjøre oppgaver på en domenekontroller, har domeneadmin-rettigheter.
field-task-role = Rolle
nudge-not-moved-no-folder = { $step } flyttet seg ikke etter at oppgaven på { $machine } kjørte: kontakt support, og kopier detaljene til dem.
nudge-button-on = Kjør «{ $task }» på { $server }
demo-scenario-no-new-cycle = ingen ny syklus starter
about-no-new-cycle-resumed = Den siste syklusen ble gjenopptatt etter en stopp i importfilteret og er ferdig.
check-task-dc-not-allowed = Oppgaven «{ $task }» ligger på en domenekontroller, og denne profilen tillater ikke at denne arbeidsstasjonen når oppgaver der: ikke sjekket.
waits-for-domain-controller-task-assigned = Når steget venter, er det en planlagt oppgave på domenekontrolleren som henter eksporten: { $tasks }.
task-on-server = «{ $task }» på { $server }
task-quoted = «{ $task }»
