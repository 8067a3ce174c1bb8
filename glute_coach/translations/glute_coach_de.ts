<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AdherenceRow</name>
    <message>
        <source>No prescribed frequency known</source>
        <translation>Keine vorgesehene Häufigkeit hinterlegt</translation>
    </message>
    <message>
        <source>This week: {n} sessions</source>
        <translation>Diese Woche: {n} Einheiten</translation>
    </message>
    <message>
        <source>{period}: {n} sessions</source>
        <translation>{period}: {n} Einheiten</translation>
    </message>
    <message>
        <source>Started this week</source>
        <translation>Diese Woche begonnen</translation>
    </message>
    <message>
        <source>Prescribed: {n} times a week</source>
        <translation>Vorgesehen: {n}-mal pro Woche</translation>
    </message>
    <message>
        <source>This week: {done} of {prescribed} sessions</source>
        <translation>Diese Woche: {done} von {prescribed} Einheiten</translation>
    </message>
    <message>
        <source>{period}: {done} of {prescribed} sessions ({percent} %)</source>
        <translation>{period}: {done} von {prescribed} Einheiten ({percent}&#xa0;%)</translation>
    </message>
    <message>
        <source>Week of {day}: {n} sessions</source>
        <translation>Woche ab {day}: {n} Einheiten</translation>
    </message>
    <message>
        <source>Week of {day}: {n} of {prescribed} sessions</source>
        <translation>Woche ab {day}: {n} von {prescribed} Einheiten</translation>
    </message>
    <message>
        <source>Week by week, oldest first; ✓ = as prescribed</source>
        <translation>Woche für Woche, älteste zuerst; ✓ = wie vorgesehen</translation>
    </message>
    <message>
        <source>Last week</source>
        <translation>Letzte Woche</translation>
    </message>
    <message>
        <source>Last {n} weeks</source>
        <translation>Letzte {n} Wochen</translation>
    </message>
</context>
<context>
    <name>AttractView</name>
    <message>
        <source>Welcome screen</source>
        <translation>Begrüßungsbildschirm</translation>
    </message>
    <message>
        <source>Glute Coach</source>
        <translation>Glute Coach</translation>
    </message>
    <message>
        <source>No routines are available right now. Please ask a member of staff.</source>
        <translation>Zurzeit sind keine Programme verfügbar. Bitte wenden Sie sich an das Personal.</translation>
    </message>
    <message>
        <source>Touch to start</source>
        <translation>Zum Starten berühren</translation>
    </message>
    <message>
        <source>Note for staff</source>
        <translation>Hinweis für das Personal</translation>
    </message>
    <message>
        <source>Routine {i} of {n}</source>
        <translation>Programm {i} von {n}</translation>
    </message>
    <message>
        <source>{title}. {summary} Touch the screen to start.</source>
        <translation>{title}. {summary} Berühren Sie den Bildschirm, um zu beginnen.</translation>
    </message>
</context>
<context>
    <name>BandGauge</name>
    <message>
        <source>No signal</source>
        <translation>Kein Signal</translation>
    </message>
    <message>
        <source>Signal lost</source>
        <translation>Signal verloren</translation>
    </message>
    <message>
        <source>Lower</source>
        <translation>Unterhalb</translation>
    </message>
    <message>
        <source>Higher</source>
        <translation>Oberhalb</translation>
    </message>
    <message>
        <source>In zone</source>
        <translation>Im Zielbereich</translation>
    </message>
    <message>
        <source>target {lo} to {hi}</source>
        <translation>Ziel {lo} bis {hi}</translation>
    </message>
    <message>
        <source>target at least {lo}</source>
        <translation>Ziel mindestens {lo}</translation>
    </message>
    <message>
        <source>target at most {hi}</source>
        <translation>Ziel höchstens {hi}</translation>
    </message>
    <message>
        <source>Gauge</source>
        <translation>Pegelanzeige</translation>
    </message>
    <message>
        <source>{label}: {value}</source>
        <translation>{label}: {value}</translation>
    </message>
</context>
<context>
    <name>BigNumber</name>
    <message>
        <source>Seconds left</source>
        <translation>Verbleibende Sekunden</translation>
    </message>
</context>
<context>
    <name>BiofeedbackPanel</name>
    <message>
        <source>Biofeedback</source>
        <translation>Biofeedback</translation>
    </message>
    <message>
        <source>Sensor connection</source>
        <translation>Sensorverbindung</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Neu verbinden</translation>
    </message>
    <message>
        <source>Reconnect the sensor</source>
        <translation>Sensor neu verbinden</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>Farben</translation>
    </message>
    <message>
        <source>Colour the gauges by zone</source>
        <translation>Pegelanzeigen nach Bereich einfärben</translation>
    </message>
    <message>
        <source>Feedback sound</source>
        <translation>Feedback-Klang</translation>
    </message>
    <message>
        <source>Tone</source>
        <translation>Ton</translation>
    </message>
    <message>
        <source>Chime</source>
        <translation>Glocke</translation>
    </message>
    <message>
        <source>No sound</source>
        <translation>Kein Klang</translation>
    </message>
    <message>
        <source>Traces</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Show the live signal</source>
        <translation>Live-Signal anzeigen</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>Kalibrierung</translation>
    </message>
    <message>
        <source>Waiting for the sensor…</source>
        <translation>Warte auf den Sensor…</translation>
    </message>
    <message>
        <source>This hold</source>
        <translation>Diese Haltephase</translation>
    </message>
    <message>
        <source>Live signal</source>
        <translation>Live-Signal</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <source>Sensor {0}: connecting…</source>
        <translation>Sensor {0}: verbindet…</translation>
    </message>
    <message>
        <source>Sensor {0}: connected</source>
        <translation>Sensor {0}: verbunden</translation>
    </message>
    <message>
        <source>Sensor {0}: reconnecting…</source>
        <translation>Sensor {0}: verbindet neu…</translation>
    </message>
    <message>
        <source>Sensor {0}: signal lost</source>
        <translation>Sensor {0}: Signal verloren</translation>
    </message>
    <message>
        <source>Sensor {0}: stopped</source>
        <translation>Sensor {0}: gestoppt</translation>
    </message>
    <message>
        <source>left</source>
        <translation>links</translation>
    </message>
    <message>
        <source>right</source>
        <translation>rechts</translation>
    </message>
    <message>
        <source>Measuring {where} · best squeeze so far {best} {unit}</source>
        <translation>Messung {where} · stärkste Anspannung bisher {best} {unit}</translation>
    </message>
    <message>
        <source>Measuring {where} · first effort</source>
        <translation>Messung {where} · erster Versuch</translation>
    </message>
    <message>
        <source>Reps {0}</source>
        <translation>Wdh. {0}</translation>
    </message>
    <message>
        <source>In zone {0} s</source>
        <translation>Im Zielbereich {0} s</translation>
    </message>
    <message>
        <source>Reaction {0} s</source>
        <translation>Reaktion {0} s</translation>
    </message>
    <message>
        <source>Reaction …</source>
        <translation>Reaktion …</translation>
    </message>
    <message>
        <source>Not calibrated: raw sensor levels</source>
        <translation>Nicht kalibriert: Rohwerte des Sensors</translation>
    </message>
</context>
<context>
    <name>ClientWindow</name>
    <message>
        <source>Glute Coach — client view</source>
        <translation>Glute Coach — Klientenansicht</translation>
    </message>
    <message>
        <source>Client view</source>
        <translation>Klientenansicht</translation>
    </message>
</context>
<context>
    <name>ClinicEditPage</name>
    <message>
        <source>Adjust for this client</source>
        <translation>Für diese Person anpassen</translation>
    </message>
    <message>
        <source>← Back</source>
        <translation>← Zurück</translation>
    </message>
    <message>
        <source>Back to the routine</source>
        <translation>Zurück zum Programm</translation>
    </message>
    <message>
        <source>Start with these changes</source>
        <translation>Mit diesen Änderungen starten</translation>
    </message>
</context>
<context>
    <name>DateFormat</name>
    <message>
        <source>ddd d MMM yyyy</source>
        <translation>ddd, d. MMM yyyy</translation>
    </message>
    <message>
        <source>d MMM</source>
        <translation>d. MMM</translation>
    </message>
    <message>
        <source>d MMM yyyy</source>
        <translation>d. MMM yyyy</translation>
    </message>
    <message>
        <source>dddd d MMMM</source>
        <translation>dddd, d. MMMM</translation>
    </message>
    <message>
        <source>dddd d MMMM yyyy</source>
        <translation>dddd, d. MMMM yyyy</translation>
    </message>
</context>
<context>
    <name>DetailView</name>
    <message>
        <source>Repeat</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>{name}, round {i} of {n}</source>
        <translation>{name}, Runde {i} von {n}</translation>
    </message>
    <message>
        <source>each side</source>
        <translation>pro Seite</translation>
    </message>
    <message>
        <source>left side only</source>
        <translation>nur linke Seite</translation>
    </message>
    <message>
        <source>right side only</source>
        <translation>nur rechte Seite</translation>
    </message>
    <message>
        <source>lower</source>
        <translation>Absenken</translation>
    </message>
    <message>
        <source>raise</source>
        <translation>Anheben</translation>
    </message>
    <message>
        <source>hold</source>
        <translation>Halten</translation>
    </message>
    <message>
        <source>pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Strongest-squeeze test</source>
        <translation>Test der stärksten Anspannung</translation>
    </message>
    <message>
        <source>{n} sets</source>
        <translation>{n} Sätze</translation>
    </message>
    <message>
        <source>1 rep</source>
        <translation>1 Wiederholung</translation>
    </message>
    <message>
        <source>{n} reps</source>
        <translation>{n} Wiederholungen</translation>
    </message>
    <message>
        <source>{t} hold</source>
        <translation>{t} halten</translation>
    </message>
    <message>
        <source>{t} each</source>
        <translation>je {t}</translation>
    </message>
    <message>
        <source>{t} ({phases})</source>
        <translation>{t} ({phases})</translation>
    </message>
    <message>
        <source>Rest and breathe</source>
        <translation>Pause und durchatmen</translation>
    </message>
    <message>
        <source>Read and get ready</source>
        <translation>Lesen und bereit machen</translation>
    </message>
    <message>
        <source>1 effort</source>
        <translation>1 Versuch</translation>
    </message>
    <message>
        <source>{n} efforts</source>
        <translation>{n} Versuche</translation>
    </message>
    <message>
        <source>← Library</source>
        <translation>← Programme</translation>
    </message>
    <message>
        <source>Back to the library</source>
        <translation>Zurück zu Ihren Übungsprogrammen</translation>
    </message>
    <message>
        <source>Handout (PDF)…</source>
        <translation>Übungsblatt (PDF)…</translation>
    </message>
    <message>
        <source>Save a printable handout</source>
        <translation>Ein Übungsblatt zum Ausdrucken speichern</translation>
    </message>
    <message>
        <source>Share file…</source>
        <translation>Datei teilen…</translation>
    </message>
    <message>
        <source>Save the routine with its pictures as a file</source>
        <translation>Das Programm mit seinen Abbildungen als Datei speichern</translation>
    </message>
    <message>
        <source>Adjust for client…</source>
        <translation>Individuell anpassen…</translation>
    </message>
    <message>
        <source>Adjust this routine for the client</source>
        <translation>Dieses Programm individuell anpassen</translation>
    </message>
    <message>
        <source>Pain right now (0–10)</source>
        <translation>Aktueller Schmerz (0–10)</translation>
    </message>
    <message>
        <source>0 = no pain, 10 = worst pain imaginable</source>
        <translation>0 = kein Schmerz, 10 = stärkster vorstellbarer Schmerz</translation>
    </message>
    <message>
        <source>Pain right now, 0 to 10</source>
        <translation>Aktueller Schmerz, 0 bis 10</translation>
    </message>
    <message>
        <source>0 means no pain, 10 the worst pain you can imagine</source>
        <translation>0 bedeutet kein Schmerz, 10 der stärkste Schmerz, den Sie sich vorstellen können</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Start the routine</source>
        <translation>Programm starten</translation>
    </message>
    <message>
        <source>Choose a number, then Start.</source>
        <translation>Wählen Sie eine Zahl, dann „Start“.</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Ablauf</translation>
    </message>
    <message>
        <source>How to do each exercise</source>
        <translation>So führen Sie die Übungen aus</translation>
    </message>
    <message>
        <source>References</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <source>Total time {t}</source>
        <translation>Gesamtdauer {t}</translation>
    </message>
    <message>
        <source>Total time</source>
        <translation>Gesamtdauer</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Once a week</source>
        <translation>Einmal pro Woche</translation>
    </message>
    <message>
        <source>{n} times a week</source>
        <translation>{n}-mal pro Woche</translation>
    </message>
    <message>
        <source>How often</source>
        <translation>Wie oft</translation>
    </message>
    <message>
        <source>What you need</source>
        <translation>Das brauchen Sie</translation>
    </message>
    <message>
        <source>No equipment needed</source>
        <translation>Keine Ausrüstung nötig</translation>
    </message>
    <message>
        <source>Equipment: {items}</source>
        <translation>Ausrüstung: {items}</translation>
    </message>
    <message>
        <source>Equipment</source>
        <translation>Ausrüstung</translation>
    </message>
    <message>
        <source>Before you start</source>
        <translation>Bevor Sie beginnen</translation>
    </message>
    <message>
        <source>Move within what feels comfortable, and stop if something feels wrong.</source>
        <translation>Bewegen Sie sich nur so weit, wie es sich angenehm anfühlt, und hören Sie auf, wenn sich etwas nicht richtig anfühlt.</translation>
    </message>
    <message>
        <source>Safety notes</source>
        <translation>Sicherheitshinweise</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>starts at {t}</source>
        <translation>beginnt bei {t}</translation>
    </message>
    <message>
        <source>Pain now: {n} of 10</source>
        <translation>Schmerz jetzt: {n} von 10</translation>
    </message>
    <message>
        <source>Please choose your pain right now first (0–10).</source>
        <translation>Bitte wählen Sie zuerst Ihren aktuellen Schmerz (0–10).</translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message>
        <source>under 1 min</source>
        <translation>unter 1 min</translation>
    </message>
    <message>
        <source>about {n} min</source>
        <translation>ca. {n} min</translation>
    </message>
    <message>
        <source>{n} s</source>
        <translation>{n} s</translation>
    </message>
    <message>
        <source>{m} min</source>
        <translation>{m} min</translation>
    </message>
    <message>
        <source>{m} min {s} s</source>
        <translation>{m} min {s} s</translation>
    </message>
</context>
<context>
    <name>EducationView</name>
    <message>
        <source>← Back</source>
        <translation>← Zurück</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Understand your glutes</source>
        <translation>Gesäßmuskeln verstehen</translation>
    </message>
    <message>
        <source>Your glutes are the three muscles of your buttock: gluteus maximus, the big one that straightens your hip when you stand up, climb stairs or push off; and gluteus medius and minimus at the side of the hip, which keep your pelvis level when you stand on one leg. Like every muscle, they respond to training at any age.</source>
        <translation>Ihre Gesäßmuskulatur besteht aus drei Muskeln: dem Gluteus maximus, dem großen Muskel, der Ihre Hüfte streckt, wenn Sie aufstehen, Treppen steigen oder sich abstoßen, sowie dem Gluteus medius und minimus an der Seite der Hüfte, die Ihr Becken waagerecht halten, wenn Sie auf einem Bein stehen. Wie jeder Muskel sprechen sie in jedem Alter auf Training an.</translation>
    </message>
    <message>
        <source>Why glutes can feel as if they do not work</source>
        <translation>Warum es sich anfühlen kann, als würden die Gesäßmuskeln nicht arbeiten</translation>
    </message>
    <message>
        <source>When people say their glutes “don’t work”, one or more of three things is usually going on. All three are common, and all three improve with targeted, progressive strengthening.</source>
        <translation>Wenn Menschen sagen, ihre Gesäßmuskeln „funktionieren nicht“, steckt meist eine oder mehrere von drei Ursachen dahinter. Alle drei sind häufig, und alle drei bessern sich durch gezieltes, schrittweise gesteigertes Krafttraining.</translation>
    </message>
    <message>
        <source>Weakness</source>
        <translation>Schwäche</translation>
    </message>
    <message>
        <source>The muscle can produce less force than it needs to, for example after a period of less activity, an injury or an operation. Strength comes back when the muscle is asked to do a little more, regularly, over weeks.</source>
        <translation>Der Muskel bringt weniger Kraft auf, als er müsste, zum Beispiel nach einer Zeit mit wenig Bewegung, nach einer Verletzung oder einer Operation. Die Kraft kommt zurück, wenn der Muskel über Wochen regelmäßig etwas mehr gefordert wird.</translation>
    </message>
    <message>
        <source>Altered motor control</source>
        <translation>Veränderte motorische Kontrolle</translation>
    </message>
    <message>
        <source>The brain has got used to sharing the work differently, leaning more on the hamstrings or the lower back when the hip straightens. The glutes are still active, just used in a different order or amount. Practising slow, deliberate movements, with your attention on the glutes, teaches a new habit; studies of lying face-down hip extension show such patterns differ between people (Lewis &amp; Sahrmann 2009).</source>
        <translation>Das Gehirn hat sich angewöhnt, die Arbeit anders zu verteilen, und setzt beim Strecken der Hüfte stärker auf die hintere Oberschenkelmuskulatur oder den unteren Rücken. Die Gesäßmuskeln sind weiterhin aktiv, werden aber in einer anderen Reihenfolge oder in anderem Umfang eingesetzt. Langsame, bewusste Bewegungen, bei denen Sie Ihre Aufmerksamkeit auf die Gesäßmuskeln richten, bauen eine neue Gewohnheit auf; Studien zur Hüftstreckung in Bauchlage zeigen, dass sich solche Muster von Mensch zu Mensch unterscheiden (Lewis &amp; Sahrmann 2009).</translation>
    </message>
    <message>
        <source>Inhibition by pain</source>
        <translation>Hemmung durch Schmerz</translation>
    </message>
    <message>
        <source>Pain or swelling around a joint can reduce how strongly a nearby muscle contracts for a while. This is the nervous system being careful, not a fault. As pain settles and you keep moving within comfortable limits, the muscle can contract more strongly again.</source>
        <translation>Schmerzen oder eine Schwellung an einem Gelenk können eine Zeit lang verringern, wie kräftig sich ein benachbarter Muskel anspannt. Das ist eine Vorsichtsmaßnahme des Nervensystems, kein Defekt. Wenn der Schmerz nachlässt und Sie sich weiter in einem angenehmen Rahmen bewegen, kann sich der Muskel wieder kräftiger anspannen.</translation>
    </message>
    <message>
        <source>Common myths, and what the evidence says</source>
        <translation>Verbreitete Mythen und was die Studienlage sagt</translation>
    </message>
    <message>
        <source>“My glutes are switched off, asleep, or have ‘amnesia’.”</source>
        <translation>„Meine Gesäßmuskeln sind abgeschaltet, eingeschlafen oder haben ‚Amnesie‘.“</translation>
    </message>
    <message>
        <source>Glutes do not switch off, fall asleep or forget how to work. Studies measuring muscle activity (EMG) find the gluteal muscles active in everyday movements and in common exercises (Distefano et al. 2009; Reiman, Bolgla &amp; Loudon 2012). What feels like “not working” is weakness, a movement habit or pain, and each of these is trainable.</source>
        <translation>Gesäßmuskeln schalten nicht ab, schlafen nicht ein und vergessen nicht, wie sie arbeiten. Studien, die die Muskelaktivität messen (EMG), zeigen, dass die Gesäßmuskeln bei Alltagsbewegungen und gängigen Übungen aktiv sind (Distefano et al. 2009; Reiman, Bolgla &amp; Loudon 2012). Was sich wie „funktioniert nicht“ anfühlt, ist Schwäche, eine Bewegungsgewohnheit oder Schmerz, und an allen dreien lässt sich mit Training arbeiten.</translation>
    </message>
    <message>
        <source>“If I don’t feel it burn, it isn’t working.”</source>
        <translation>„Wenn ich kein Brennen spüre, bringt es nichts.“</translation>
    </message>
    <message>
        <source>How much you feel a muscle varies from person to person and from day to day. A sensor often shows the glutes working well even when you feel very little. Good form and steady progress matter far more than a burning feeling.</source>
        <translation>Wie deutlich man einen Muskel spürt, ist von Mensch zu Mensch und von Tag zu Tag verschieden. Ein Sensor zeigt oft, dass die Gesäßmuskeln gut arbeiten, auch wenn Sie kaum etwas spüren. Eine saubere Ausführung und stetige Fortschritte sind viel wichtiger als ein Brennen.</translation>
    </message>
    <message>
        <source>“More is always better.”</source>
        <translation>„Mehr ist immer besser.“</translation>
    </message>
    <message>
        <source>Muscles get stronger while they recover between sessions. A few focused sessions a week, made a little harder over time, beats doing as much as possible every day. Follow the routine’s suggested frequency, or your clinician’s advice.</source>
        <translation>Muskeln werden stärker, während sie sich zwischen den Trainingseinheiten erholen. Einige konzentrierte Einheiten pro Woche, die mit der Zeit etwas anspruchsvoller werden, bringen mehr, als jeden Tag so viel wie möglich zu trainieren. Halten Sie sich an die vorgeschlagene Häufigkeit des Programms oder an die Empfehlung Ihres Behandlungsteams.</translation>
    </message>
    <message>
        <source>“Any discomfort means I’m doing harm.”</source>
        <translation>„Jedes unangenehme Gefühl bedeutet, dass ich mir schade.“</translation>
    </message>
    <message>
        <source>Mild discomfort, muscle effort or a gentle stretch is normal and expected when you train. A useful guide: if your pain rises by less than 2 points (on a 0 to 10 scale) and is back to your usual level by the next morning, the amount is about right.</source>
        <translation>Leichtes Unbehagen, Muskelanstrengung oder ein sanftes Dehngefühl sind beim Training normal und zu erwarten. Eine hilfreiche Faustregel: Wenn Ihr Schmerz um weniger als 2 Punkte steigt (auf einer Skala von 0 bis 10) und bis zum nächsten Morgen wieder auf Ihrem üblichen Niveau ist, ist die Belastung ungefähr richtig.</translation>
    </message>
    <message>
        <source>“Only special glute exercises work the glutes.”</source>
        <translation>„Nur spezielle Gesäßübungen trainieren die Gesäßmuskeln.“</translation>
    </message>
    <message>
        <source>Bridges, side bridges, step-ups, squats and lunges all work the glutes substantially, and some exercises favour the glutes over the muscles around them (Distefano et al. 2009; Selkowitz, Beneck &amp; Powers 2013; Boren et al. 2011). The best exercise is one you can do well and keep doing.</source>
        <translation>Beckenheben, Seitstütz, Step-ups, Kniebeugen und Ausfallschritte beanspruchen die Gesäßmuskeln alle deutlich, und manche Übungen fordern die Gesäßmuskeln stärker als die umliegenden Muskeln (Distefano et al. 2009; Selkowitz, Beneck &amp; Powers 2013; Boren et al. 2011). Die beste Übung ist eine, die Sie gut ausführen und dauerhaft beibehalten können.</translation>
    </message>
    <message>
        <source>Why we lengthen the hip flexors before the squeeze</source>
        <translation>Warum wir die Hüftbeuger vor dem Anspannen dehnen</translation>
    </message>
    <message>
        <source>The hip flexors at the front of the hip bend the hip; gluteus maximus at the back straightens it, so the two work as opposites (Neumann 2010). After long hours of sitting, the front of the hip often feels tight and the hip does not straighten fully.</source>
        <translation>Die Hüftbeuger an der Vorderseite der Hüfte beugen die Hüfte; der Gluteus maximus an der Rückseite streckt sie. Die beiden arbeiten also als Gegenspieler (Neumann 2010). Nach vielen Stunden im Sitzen fühlt sich die Vorderseite der Hüfte oft steif an, und die Hüfte lässt sich nicht ganz strecken.</translation>
    </message>
    <message>
        <source>Gently lengthening the front of the hip first lets the hip straighten more comfortably. Many people then find it easier to feel the glutes and to squeeze them fully, which is why several routines start with a hip flexor stretch before the glute squeezes and bridges.</source>
        <translation>Wenn Sie zuerst die Vorderseite der Hüfte sanft dehnen, lässt sich die Hüfte angenehmer strecken. Vielen fällt es dann leichter, die Gesäßmuskeln zu spüren und sie vollständig anzuspannen. Deshalb beginnen mehrere Programme mit einer Hüftbeuger-Dehnung, bevor das Gesäß angespannt und das Becken gehoben wird.</translation>
    </message>
    <message>
        <source>Half-kneeling hip flexor stretch: the front of the back hip lengthens</source>
        <translation>Hüftbeuger-Dehnung im Halbkniestand: Die Vorderseite der hinteren Hüfte wird gedehnt</translation>
    </message>
    <message>
        <source>How progress usually goes</source>
        <translation>Wie Fortschritte meist verlaufen</translation>
    </message>
    <message>
        <source>Start at a level that feels manageable. When the current routine feels comfortable for a week or two, make one thing a little harder: a few more reps, a longer hold, or the next exercise in a progression. Many people notice easier stairs and steadier walking within a few weeks; strength keeps building for months.</source>
        <translation>Beginnen Sie auf einer Stufe, die sich machbar anfühlt. Wenn sich das aktuelle Programm ein bis zwei Wochen lang gut anfühlt, machen Sie eine Sache etwas schwerer: ein paar Wiederholungen mehr, länger halten oder die nächste Übung einer Steigerungsreihe. Viele merken innerhalb weniger Wochen, dass Treppensteigen leichter fällt und das Gehen sicherer wird; die Kraft nimmt noch über Monate weiter zu.</translation>
    </message>
    <message>
        <source>When to see a clinician</source>
        <translation>Wann Sie fachlichen Rat einholen sollten</translation>
    </message>
    <message>
        <source>Exercise suits most people, and a physiotherapist or doctor can tailor it to you. Check in with one if:</source>
        <translation>Bewegung ist für die meisten Menschen geeignet, und Physiotherapie oder Ärztin bzw. Arzt können sie auf Sie abstimmen. Wenden Sie sich an eine solche Fachperson, wenn:</translation>
    </message>
    <message>
        <source>you feel sharp pain, or pain that keeps getting worse during or after exercise;</source>
        <translation>Sie einen stechenden Schmerz spüren oder Schmerzen, die während oder nach dem Training immer stärker werden;</translation>
    </message>
    <message>
        <source>your pain rises by 2 or more points during a session, or is not back to your usual level by the next morning;</source>
        <translation>Ihr Schmerz während einer Einheit um 2 oder mehr Punkte steigt oder bis zum nächsten Morgen nicht wieder auf Ihrem üblichen Niveau ist;</translation>
    </message>
    <message>
        <source>pain wakes you at night, or you feel generally unwell with it;</source>
        <translation>Schmerzen Sie nachts wecken oder Sie sich dabei allgemein krank fühlen;</translation>
    </message>
    <message>
        <source>you notice new numbness, tingling or weakness in a leg;</source>
        <translation>Sie neu auftretende Taubheit, Kribbeln oder Schwäche in einem Bein bemerken;</translation>
    </message>
    <message>
        <source>the pain started after a fall or accident;</source>
        <translation>die Schmerzen nach einem Sturz oder Unfall begonnen haben;</translation>
    </message>
    <message>
        <source>you are not sure which exercises suit you, or nothing has changed after a few weeks.</source>
        <translation>Sie unsicher sind, welche Übungen zu Ihnen passen, oder sich nach einigen Wochen nichts verändert hat.</translation>
    </message>
    <message>
        <source>Contact a doctor straight away if you notice numbness around the groin or buttocks, or changes in bladder or bowel control.</source>
        <translation>Wenden Sie sich sofort an eine Ärztin oder einen Arzt, wenn Sie ein Taubheitsgefühl im Schritt- oder Gesäßbereich oder Veränderungen bei der Blasen- oder Darmkontrolle bemerken.</translation>
    </message>
    <message>
        <source>References</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <source>Myth: {text}</source>
        <translation>Mythos: {text}</translation>
    </message>
    <message>
        <source>What the evidence says: {text}</source>
        <translation>Was die Studienlage sagt: {text}</translation>
    </message>
</context>
<context>
    <name>Exports</name>
    <message>
        <source>Save a handout</source>
        <translation>Übungsblatt speichern</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
    <message>
        <source>Prepared for (name or code, optional):</source>
        <translation>Erstellt für (Name oder Kennung, optional):</translation>
    </message>
    <message>
        <source>The handout could not be saved: {0}</source>
        <translation>Das Übungsblatt konnte nicht gespeichert werden: {0}</translation>
    </message>
    <message>
        <source>Handout saved: {0}</source>
        <translation>Übungsblatt gespeichert: {0}</translation>
    </message>
    <message>
        <source>Share this routine</source>
        <translation>Dieses Übungsprogramm teilen</translation>
    </message>
    <message>
        <source>Glute Coach routine packages (*.zip)</source>
        <translation>Glute-Coach-Übungspakete (*.zip)</translation>
    </message>
    <message>
        <source>The routine could not be saved: {0}</source>
        <translation>Das Übungsprogramm konnte nicht gespeichert werden: {0}</translation>
    </message>
    <message>
        <source>Saved: {0}
Open it in Glute Coach (Open… or drag it onto the library).</source>
        <translation>Gespeichert: {0}
Öffnen Sie es in Glute Coach (Öffnen… oder in die Bibliothek ziehen).</translation>
    </message>
    <message>
        <source>Export your history</source>
        <translation>Ihren Trainingsverlauf exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>The history could not be exported: {0}</source>
        <translation>Der Trainingsverlauf konnte nicht exportiert werden: {0}</translation>
    </message>
    <message>
        <source>{n} sessions saved to:
{sessions}
Measurements: {metrics}</source>
        <translation>{n} Einheiten gespeichert in:
{sessions}
Messwerte: {metrics}</translation>
    </message>
</context>
<context>
    <name>FinishView</name>
    <message>
        <source>Session summary</source>
        <translation>Zusammenfassung der Einheit</translation>
    </message>
    <message>
        <source>Steps done</source>
        <translation>Erledigte Schritte</translation>
    </message>
    <message>
        <source>Steps skipped</source>
        <translation>Übersprungene Schritte</translation>
    </message>
    <message>
        <source>Pain now (0–10)</source>
        <translation>Schmerz jetzt (0–10)</translation>
    </message>
    <message>
        <source>Pain now, 0 to 10</source>
        <translation>Schmerz jetzt, 0 bis 10</translation>
    </message>
    <message>
        <source>0 = no pain, 10 = worst pain imaginable</source>
        <translation>0 = kein Schmerz, 10 = stärkster vorstellbarer Schmerz</translation>
    </message>
    <message>
        <source>Effort (0–10)</source>
        <translation>Anstrengung (0–10)</translation>
    </message>
    <message>
        <source>Effort, 0 to 10</source>
        <translation>Anstrengung, 0 bis 10</translation>
    </message>
    <message>
        <source>Effort {n} out of 10</source>
        <translation>Anstrengung {n} von 10</translation>
    </message>
    <message>
        <source>0 = rest, 5 = hard, 10 = the hardest you could do</source>
        <translation>0 = Ruhe, 5 = schwer, 10 = das Äußerste, was Sie schaffen können</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Anything to remember: what felt easy or hard, where you felt it…</source>
        <translation>Was möchten Sie festhalten? Was fiel leicht oder schwer, wo haben Sie es gespürt…</translation>
    </message>
    <message>
        <source>Save status</source>
        <translation>Speicherstatus</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Save this session</source>
        <translation>Diese Einheit speichern</translation>
    </message>
    <message>
        <source>Keep this summary on this computer</source>
        <translation>Diese Zusammenfassung auf diesem Computer speichern</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Done, back to the routines</source>
        <translation>Fertig, zurück zu den Übungsprogrammen</translation>
    </message>
    <message>
        <source>This session is not saved yet.</source>
        <translation>Diese Einheit ist noch nicht gespeichert.</translation>
    </message>
    <message>
        <source>Save and finish</source>
        <translation>Speichern und beenden</translation>
    </message>
    <message>
        <source>Finish without saving</source>
        <translation>Ohne Speichern beenden</translation>
    </message>
    <message>
        <source>Biofeedback</source>
        <translation>Biofeedback</translation>
    </message>
    <message>
        <source>Biofeedback per exercise</source>
        <translation>Biofeedback pro Übung</translation>
    </message>
    <message>
        <source>Open recording folder</source>
        <translation>Aufzeichnungsordner öffnen</translation>
    </message>
    <message>
        <source>Open the folder of the recording</source>
        <translation>Den Ordner mit der Aufzeichnung öffnen</translation>
    </message>
    <message>
        <source>Well done — routine complete</source>
        <translation>Gut gemacht — Programm abgeschlossen</translation>
    </message>
    <message>
        <source>Session stopped</source>
        <translation>Einheit vorzeitig beendet</translation>
    </message>
    <message>
        <source>time {time}</source>
        <translation>Dauer {time}</translation>
    </message>
    <message>
        <source>{done} of {total} steps done</source>
        <translation>{done} von {total} Schritten erledigt</translation>
    </message>
    <message>
        <source>Done ({n})</source>
        <translation>Erledigt ({n})</translation>
    </message>
    <message>
        <source>Skipped ({n})</source>
        <translation>Übersprungen ({n})</translation>
    </message>
    <message>
        <source>Pain before: not recorded</source>
        <translation>Schmerz vorher: nicht erfasst</translation>
    </message>
    <message>
        <source>Pain before: {n} out of 10</source>
        <translation>Schmerz vorher: {n} von 10</translation>
    </message>
    <message>
        <source>Not saved yet.</source>
        <translation>Noch nicht gespeichert.</translation>
    </message>
    <message>
        <source>Sensor: {name}</source>
        <translation>Sensor: {name}</translation>
    </message>
    <message>
        <source>No exercise was measured this time.</source>
        <translation>Diesmal wurde keine Übung gemessen.</translation>
    </message>
    <message>
        <source>Peak</source>
        <translation>Höchstwert</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Mittelwert</translation>
    </message>
    <message>
        <source>Time in zone</source>
        <translation>Zeit im Zielbereich</translation>
    </message>
    <message>
        <source>Reps</source>
        <translation>Wdh.</translation>
    </message>
    <message>
        <source>Reaction</source>
        <translation>Reaktion</translation>
    </message>
    <message>
        <source>Symmetry: {text}</source>
        <translation>Symmetrie: {text}</translation>
    </message>
    <message>
        <source>Sensor signal missing for {n} s</source>
        <translation>Sensorsignal fehlte {n} s lang</translation>
    </message>
    <message>
        <source>Sensor</source>
        <translation>Sensor</translation>
    </message>
    <message>
        <source>left</source>
        <translation>links</translation>
    </message>
    <message>
        <source>right</source>
        <translation>rechts</translation>
    </message>
    <message>
        <source>{s} s ({share} %)</source>
        <translation>{s}&#xa0;s ({share}&#xa0;%)</translation>
    </message>
    <message>
        <source>{s} s</source>
        <translation>{s} s</translation>
    </message>
    <message>
        <source>{ms} ms</source>
        <translation>{ms} ms</translation>
    </message>
    <message>
        <source>Recording: {name}</source>
        <translation>Aufzeichnung: {name}</translation>
    </message>
    <message>
        <source>The recording {name} is no longer in its folder.</source>
        <translation>Die Aufzeichnung {name} ist nicht mehr in ihrem Ordner.</translation>
    </message>
    <message>
        <source>The recording folder is no longer there.</source>
        <translation>Den Aufzeichnungsordner gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>The folder could not be opened; the recording is in {folder}</source>
        <translation>Der Ordner ließ sich nicht öffnen; die Aufzeichnung liegt in {folder}</translation>
    </message>
    <message>
        <source>Changed since saving: press Save again.</source>
        <translation>Seit dem Speichern geändert: Klicken Sie erneut auf „Speichern“.</translation>
    </message>
    <message>
        <source>Could not save: {reason}</source>
        <translation>Speichern fehlgeschlagen: {reason}</translation>
    </message>
    <message>
        <source>Saved on this computer.</source>
        <translation>Auf diesem Computer gespeichert.</translation>
    </message>
</context>
<context>
    <name>Handout</name>
    <message>
        <source>Prepared for {client} on {date}</source>
        <translation>Erstellt für {client} am {date}</translation>
    </message>
    <message>
        <source>Printed on {date}</source>
        <translation>Gedruckt am {date}</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Total time</source>
        <translation>Gesamtdauer</translation>
    </message>
    <message>
        <source>Once a week</source>
        <translation>Einmal pro Woche</translation>
    </message>
    <message>
        <source>{n} times a week</source>
        <translation>{n}-mal pro Woche</translation>
    </message>
    <message>
        <source>How often</source>
        <translation>Wie oft</translation>
    </message>
    <message>
        <source>No equipment needed</source>
        <translation>Keine Ausrüstung nötig</translation>
    </message>
    <message>
        <source>{label}: {t}</source>
        <translation>{label}: {t}</translation>
    </message>
    <message>
        <source>breathe and relax</source>
        <translation>durchatmen und entspannen</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>do the next step {n} times in all</source>
        <translation>den nächsten Schritt insgesamt {n}-mal ausführen</translation>
    </message>
    <message>
        <source>do the next {count} steps in order, {n} rounds in all</source>
        <translation>die nächsten {count} Schritte der Reihe nach ausführen, insgesamt {n} Runden</translation>
    </message>
    <message>
        <source>{t} rest between rounds</source>
        <translation>{t} Pause zwischen den Runden</translation>
    </message>
    <message>
        <source>Move within what feels comfortable, and stop if something feels wrong.</source>
        <translation>Bewegen Sie sich nur so weit, wie es sich angenehm anfühlt, und hören Sie auf, wenn sich etwas nicht richtig anfühlt.</translation>
    </message>
    <message>
        <source>{t} between sets</source>
        <translation>{t} zwischen den Sätzen</translation>
    </message>
    <message>
        <source>{t} between reps</source>
        <translation>{t} zwischen den Wiederholungen</translation>
    </message>
    <message>
        <source>{t} to switch sides</source>
        <translation>{t} zum Seitenwechsel</translation>
    </message>
    <message>
        <source>Rest: {parts}</source>
        <translation>Pause: {parts}</translation>
    </message>
    <message>
        <source>Made with Glute Coach</source>
        <translation>Erstellt mit Glute Coach</translation>
    </message>
    <message>
        <source>{title} · Made with Glute Coach</source>
        <translation>{title} · Erstellt mit Glute Coach</translation>
    </message>
    <message>
        <source>Page {n} of {total}</source>
        <translation>Seite {n} von {total}</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>History</source>
        <translation>Trainingsverlauf</translation>
    </message>
    <message>
        <source>‹ Back</source>
        <translation>‹ Zurück</translation>
    </message>
    <message>
        <source>Back to the routines</source>
        <translation>Zurück zu den Übungsprogrammen</translation>
    </message>
    <message>
        <source>Streaks</source>
        <translation>Serien</translation>
    </message>
    <message>
        <source>Report for your therapist (PDF)…</source>
        <translation>Bericht für die Therapie (PDF)…</translation>
    </message>
    <message>
        <source>Save a report for your therapist</source>
        <translation>Einen Bericht für Ihre Therapeutin oder Ihren Therapeuten speichern</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Save sessions and measurements as CSV</source>
        <translation>Einheiten und Messwerte als CSV speichern</translation>
    </message>
    <message>
        <source>No sessions yet. When you finish a routine and save it, it shows up here: the days you trained, your streaks, and how pain and effort change over time.</source>
        <translation>Noch keine Einheiten. Wenn Sie ein Programm abschließen und speichern, erscheint es hier: die Tage, an denen Sie trainiert haben, Ihre Serien und wie sich Schmerz und Anstrengung mit der Zeit verändern.</translation>
    </message>
    <message>
        <source>No sessions yet</source>
        <translation>Noch keine Einheiten</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Einheiten</translation>
    </message>
    <message>
        <source>Progress and sessions</source>
        <translation>Fortschritt und Einheiten</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <source>Calendar of sessions</source>
        <translation>Kalender der Einheiten</translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation>Vorheriger Monat</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>Nächster Monat</translation>
    </message>
    <message>
        <source>Days in bold and underlined: at least one session done.</source>
        <translation>Fett und unterstrichen: Tage mit mindestens einer Einheit.</translation>
    </message>
    <message>
        <source>Sessions on the chosen day</source>
        <translation>Einheiten am gewählten Tag</translation>
    </message>
    <message>
        <source>Adherence per routine</source>
        <translation>Regelmäßigkeit pro Programm</translation>
    </message>
    <message>
        <source>How often, per routine</source>
        <translation>Wie oft, pro Programm</translation>
    </message>
    <message>
        <source>No routine completed yet.</source>
        <translation>Noch kein Programm abgeschlossen.</translation>
    </message>
    <message>
        <source>Pain</source>
        <translation>Schmerz</translation>
    </message>
    <message>
        <source>0–10</source>
        <translation>0–10</translation>
    </message>
    <message>
        <source>Steps done per session</source>
        <translation>Erledigte Schritte pro Einheit</translation>
    </message>
    <message>
        <source>done (%)</source>
        <translation>erledigt (%)</translation>
    </message>
    <message>
        <source>Biofeedback</source>
        <translation>Biofeedback</translation>
    </message>
    <message>
        <source>Exercise shown in the biofeedback chart</source>
        <translation>Übung im Biofeedback-Diagramm</translation>
    </message>
    <message>
        <source>Past sessions, newest first</source>
        <translation>Bisherige Einheiten, neueste zuerst</translation>
    </message>
    <message>
        <source>The history cannot be read: {reason}</source>
        <translation>Der Trainingsverlauf kann nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} Tage</translation>
    </message>
    <message>
        <source>No current streak: a session today starts one.</source>
        <translation>Gerade keine Serie: Mit einer Einheit heute beginnt eine neue.</translation>
    </message>
    <message>
        <source>Current streak: {days}.</source>
        <translation>Aktuelle Serie: {days} in Folge.</translation>
    </message>
    <message>
        <source>Longest streak: {days}.</source>
        <translation>Längste Serie: {days}.</translation>
    </message>
    <message>
        <source>{day}: no session</source>
        <translation>{day}: keine Einheit</translation>
    </message>
    <message>
        <source>{title} (stopped early)</source>
        <translation>{title} (vorzeitig beendet)</translation>
    </message>
    <message>
        <source>{day}: 1 session — {names}</source>
        <translation>{day}: 1 Einheit — {names}</translation>
    </message>
    <message>
        <source>{day}: {n} sessions — {names}</source>
        <translation>{day}: {n} Einheiten — {names}</translation>
    </message>
    <message>
        <source>before</source>
        <translation>vorher</translation>
    </message>
    <message>
        <source>after</source>
        <translation>nachher</translation>
    </message>
    <message>
        <source>No pain ratings yet.</source>
        <translation>Noch keine Schmerzangaben.</translation>
    </message>
    <message>
        <source>steps done</source>
        <translation>erledigte Schritte</translation>
    </message>
    <message>
        <source>No sessions yet.</source>
        <translation>Noch keine Einheiten.</translation>
    </message>
    <message>
        <source>left</source>
        <translation>links</translation>
    </message>
    <message>
        <source>right</source>
        <translation>rechts</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>Mittelwert</translation>
    </message>
    <message>
        <source>peak</source>
        <translation>Höchstwert</translation>
    </message>
    <message>
        <source>No sensor measurements yet: sessions with a sensor show here.</source>
        <translation>Noch keine Sensormessungen: Einheiten mit Sensor erscheinen hier.</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>stopped early</source>
        <translation>vorzeitig beendet</translation>
    </message>
    <message>
        <source>pain {before} → {after}</source>
        <translation>Schmerz {before} → {after}</translation>
    </message>
    <message>
        <source>sensor</source>
        <translation>Sensor</translation>
    </message>
    <message>
        <source>The recording cannot be replayed: {reason}</source>
        <translation>Die Aufzeichnung kann nicht abgespielt werden: {reason}</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Glute Coach</source>
        <translation>Glute Coach</translation>
    </message>
    <message>
        <source>The kiosk folder {0} does not exist.</source>
        <translation>Den Kiosk-Ordner {0} gibt es nicht.</translation>
    </message>
    <message>
        <source>{0} is not a folder.</source>
        <translation>{0} ist kein Ordner.</translation>
    </message>
    <message>
        <source>The kiosk folder {0} cannot be read.</source>
        <translation>Der Kiosk-Ordner {0} kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The kiosk folder {0} holds no routine files.</source>
        <translation>Der Kiosk-Ordner {0} enthält keine Programmdateien.</translation>
    </message>
    <message>
        <source>No routine file in {0} could be read.</source>
        <translation>In {0} konnte keine Programmdatei gelesen werden.</translation>
    </message>
    <message>
        <source>{n} routine file(s) skipped: {names} (details in the log).</source>
        <translation>{n} Programmdatei(en) übersprungen: {names} (Details im Protokoll).</translation>
    </message>
    <message>
        <source>PIN file: {0}</source>
        <translation>PIN-Datei: {0}</translation>
    </message>
    <message>
        <source>Routines from {folder}: {n} shown.</source>
        <translation>Programme aus {folder}: {n} angezeigt.</translation>
    </message>
    <message>
        <source>Log: {0}</source>
        <translation>Protokoll: {0}</translation>
    </message>
    <message>
        <source>A Glute Coach routine is running</source>
        <translation>Ein Glute-Coach-Programm läuft</translation>
    </message>
</context>
<context>
    <name>Level</name>
    <message>
        <source>Beginner</source>
        <translation>Anfänger</translation>
    </message>
    <message>
        <source>Intermediate</source>
        <translation>Mittelstufe</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Fortgeschritten</translation>
    </message>
</context>
<context>
    <name>LibraryView</name>
    <message>
        <source>Your routines</source>
        <translation>Ihre Übungsprogramme</translation>
    </message>
    <message>
        <source>Understand your glutes</source>
        <translation>Gesäßmuskeln verstehen</translation>
    </message>
    <message>
        <source>Open the page that explains how glutes work and how training helps</source>
        <translation>Öffnet die Seite, die erklärt, wie die Gesäßmuskeln arbeiten und wie Training hilft</translation>
    </message>
    <message>
        <source>Sensor: none</source>
        <translation>Sensor: keiner</translation>
    </message>
    <message>
        <source>Set up a biofeedback sensor for your sessions</source>
        <translation>Einen Biofeedback-Sensor für Ihre Einheiten einrichten</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Trainingsverlauf</translation>
    </message>
    <message>
        <source>Your past sessions, progress and reports</source>
        <translation>Ihre bisherigen Einheiten, Fortschritte und Berichte</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Open the settings</source>
        <translation>Einstellungen öffnen</translation>
    </message>
    <message>
        <source>Tag:</source>
        <translation>Schlagwort:</translation>
    </message>
    <message>
        <source>Filter by tag</source>
        <translation>Nach Schlagwort filtern</translation>
    </message>
    <message>
        <source>Level:</source>
        <translation>Stufe:</translation>
    </message>
    <message>
        <source>Filter by level</source>
        <translation>Nach Stufe filtern</translation>
    </message>
    <message>
        <source>All levels</source>
        <translation>Alle Stufen</translation>
    </message>
    <message>
        <source>Open routine file…</source>
        <translation>Programmdatei öffnen…</translation>
    </message>
    <message>
        <source>Choose a routine file (.json) to add to the library</source>
        <translation>Eine Programmdatei (.json) auswählen, um sie Ihren Übungsprogrammen hinzuzufügen</translation>
    </message>
    <message>
        <source>Tip: drag a routine file (.json) or a shared routine (.zip) onto this window to add it.</source>
        <translation>Tipp: Ziehen Sie eine Programmdatei (.json) oder ein geteiltes Programm (.zip) in dieses Fenster, um es hinzuzufügen.</translation>
    </message>
    <message>
        <source>Show why some routine files in your folder could not be read</source>
        <translation>Anzeigen, warum einige Programmdateien in Ihrem Ordner nicht gelesen werden konnten</translation>
    </message>
    <message>
        <source>No routines match these filters.</source>
        <translation>Keine Programme passen zu diesen Filtern.</translation>
    </message>
    <message>
        <source>Show all routines</source>
        <translation>Alle Programme anzeigen</translation>
    </message>
    <message>
        <source>Routines</source>
        <translation>Übungsprogramme</translation>
    </message>
    <message>
        <source>Choose a routine</source>
        <translation>Wählen Sie ein Programm</translation>
    </message>
    <message>
        <source>Sensor: {0}</source>
        <translation>Sensor: {0}</translation>
    </message>
    <message>
        <source>This routine was not added</source>
        <translation>Dieses Programm wurde nicht hinzugefügt</translation>
    </message>
    <message>
        <source>Open routine file</source>
        <translation>Programmdatei öffnen</translation>
    </message>
    <message>
        <source>Routine files and packages (*.json *.zip)</source>
        <translation>Programmdateien und -pakete (*.json *.zip)</translation>
    </message>
    <message>
        <source>Routines that could not be read</source>
        <translation>Programme, die nicht gelesen werden konnten</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Alle Schlagwörter</translation>
    </message>
    <message>
        <source>No routines are available right now.</source>
        <translation>Zurzeit sind keine Programme verfügbar.</translation>
    </message>
    <message>
        <source>No routines yet. Open a routine file to add one.</source>
        <translation>Noch keine Programme. Öffnen Sie eine Programmdatei, um eines hinzuzufügen.</translation>
    </message>
    <message>
        <source>1 routine could not be read (details)</source>
        <translation>1 Programm konnte nicht gelesen werden (Details)</translation>
    </message>
    <message>
        <source>{n} routines could not be read (details)</source>
        <translation>{n} Programme konnten nicht gelesen werden (Details)</translation>
    </message>
</context>
<context>
    <name>LiveView</name>
    <message>
        <source>time (s)</source>
        <translation>Zeit (s)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Glute Coach</source>
        <translation>Glute Coach</translation>
    </message>
    <message>
        <source>Sensor not used</source>
        <translation>Sensor nicht verwendet</translation>
    </message>
    <message>
        <source>The sensor “{0}” cannot be used, so this session runs without it:
{1}</source>
        <translation>Der Sensor „{0}“ kann nicht verwendet werden, daher läuft diese Einheit ohne ihn:
{1}</translation>
    </message>
    <message>
        <source>The sensor cannot be opened, so this session runs without it:
{0}</source>
        <translation>Der Sensor lässt sich nicht öffnen, daher läuft diese Einheit ohne ihn:
{0}</translation>
    </message>
    <message>
        <source>Settings not saved</source>
        <translation>Einstellungen nicht gespeichert</translation>
    </message>
    <message>
        <source>Your settings could not be saved: {0}</source>
        <translation>Ihre Einstellungen konnten nicht gespeichert werden: {0}</translation>
    </message>
    <message>
        <source>Cannot start this routine</source>
        <translation>Dieses Programm kann nicht gestartet werden</translation>
    </message>
    <message>
        <source>A sound in this routine cannot be played:
{0}</source>
        <translation>Ein Ton in diesem Programm kann nicht abgespielt werden:
{0}</translation>
    </message>
    <message>
        <source>A Glute Coach routine is running</source>
        <translation>Ein Glute-Coach-Programm läuft</translation>
    </message>
    <message>
        <source>Stop the routine?</source>
        <translation>Programm beenden?</translation>
    </message>
    <message>
        <source>A routine is running. Stop it and quit?</source>
        <translation>Ein Programm läuft gerade. Möchten Sie es beenden und Glute Coach schließen?</translation>
    </message>
    <message>
        <source>Settings reset</source>
        <translation>Einstellungen zurückgesetzt</translation>
    </message>
    <message>
        <source>Session history</source>
        <translation>Trainingsverlauf</translation>
    </message>
</context>
<context>
    <name>Muscles</name>
    <message>
        <source>Gluteus maximus</source>
        <translation>Gluteus maximus</translation>
    </message>
    <message>
        <source>Gluteus medius</source>
        <translation>Gluteus medius</translation>
    </message>
    <message>
        <source>Gluteus minimus</source>
        <translation>Gluteus minimus</translation>
    </message>
    <message>
        <source>Hamstrings</source>
        <translation>Hintere Oberschenkelmuskulatur</translation>
    </message>
    <message>
        <source>Tensor fasciae latae</source>
        <translation>Tensor fasciae latae</translation>
    </message>
    <message>
        <source>Rectus femoris</source>
        <translation>Rectus femoris</translation>
    </message>
    <message>
        <source>Erector spinae</source>
        <translation>Rückenstrecker</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <source>Your session history could not be read ({reason}), so it was kept as {file} and a new one was started.</source>
        <translation>Ihr Trainingsverlauf konnte nicht gelesen werden ({reason}). Er wurde als {file} aufbewahrt, und ein neuer wurde begonnen.</translation>
    </message>
    <message>
        <source>Your settings file could not be read ({reason}); defaults are in use.</source>
        <translation>Ihre Einstellungsdatei konnte nicht gelesen werden ({reason}); es gelten die Standardwerte.</translation>
    </message>
    <message>
        <source>It was kept as {file}.</source>
        <translation>Sie wurde als {file} aufbewahrt.</translation>
    </message>
    <message>
        <source>Some settings were not valid and were reset: {names}.</source>
        <translation>Einige Einstellungen waren ungültig und wurden zurückgesetzt: {names}.</translation>
    </message>
</context>
<context>
    <name>PainAdvice</name>
    <message>
        <source>Advice about your pain</source>
        <translation>Hinweis zu Ihren Schmerzen</translation>
    </message>
    <message>
        <source>Your pain went up</source>
        <translation>Ihr Schmerz ist gestiegen</translation>
    </message>
    <message>
        <source>If the pain is severe, or you notice numbness or weakness in a leg, get medical advice today.</source>
        <translation>Wenn der Schmerz stark ist oder Sie ein Taubheitsgefühl oder Schwäche in einem Bein bemerken, holen Sie bitte noch heute ärztlichen Rat ein.</translation>
    </message>
    <message>
        <source>Your pain went up by {n} points during this session. Please stop for today and let your clinician know before you do this routine again. Rest in a comfortable position; it is fine to move gently.</source>
        <translation>Ihr Schmerz ist während dieser Einheit um {n} Punkte gestiegen. Bitte hören Sie für heute auf und sprechen Sie mit Ihrem Behandlungsteam, bevor Sie dieses Programm wieder machen. Ruhen Sie sich in einer bequemen Position aus; sanfte Bewegung ist in Ordnung.</translation>
    </message>
</context>
<context>
    <name>PainScale</name>
    <message>
        <source>Pain {n} out of 10</source>
        <translation>Schmerz {n} von 10</translation>
    </message>
    <message>
        <source>Pain right now, 0 to 10</source>
        <translation>Aktueller Schmerz, 0 bis 10</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>Staff access</source>
        <translation>Zugang für das Personal</translation>
    </message>
    <message>
        <source>Staff PIN</source>
        <translation>Personal-PIN</translation>
    </message>
    <message>
        <source>No staff PIN has been set.</source>
        <translation>Es wurde noch keine Personal-PIN festgelegt.</translation>
    </message>
    <message>
        <source>Enter the staff PIN to continue.</source>
        <translation>Geben Sie die Personal-PIN ein, um fortzufahren.</translation>
    </message>
    <message>
        <source>Choose a new staff PIN ({min}–{max} digits)</source>
        <translation>Neue Personal-PIN wählen ({min}–{max} Ziffern)</translation>
    </message>
    <message>
        <source>First run: choose a staff PIN ({min}–{max} digits)</source>
        <translation>Erster Start: Personal-PIN wählen ({min}–{max} Ziffern)</translation>
    </message>
    <message>
        <source>Only staff should know it.</source>
        <translation>Nur das Personal sollte sie kennen.</translation>
    </message>
    <message>
        <source>That PIN is not right.</source>
        <translation>Diese PIN stimmt nicht.</translation>
    </message>
    <message>
        <source>That PIN is not right</source>
        <translation>Diese PIN stimmt nicht</translation>
    </message>
    <message>
        <source>Enter the same PIN again</source>
        <translation>Dieselbe PIN noch einmal eingeben</translation>
    </message>
    <message>
        <source>To make sure it was typed as meant.</source>
        <translation>So ist sichergestellt, dass sie richtig eingegeben wurde.</translation>
    </message>
    <message>
        <source>The two PINs were not the same. Choose again.</source>
        <translation>Die beiden PINs stimmen nicht überein. Bitte wählen Sie erneut.</translation>
    </message>
    <message>
        <source>The PIN could not be saved: {error}</source>
        <translation>Die PIN konnte nicht gespeichert werden: {error}</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>PIN digit {n}</source>
        <translation>PIN-Ziffer {n}</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Clear the PIN</source>
        <translation>PIN löschen</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Enter the PIN</source>
        <translation>PIN bestätigen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Try again in {n} s</source>
        <translation>Neuer Versuch in {n} s möglich</translation>
    </message>
    <message>
        <source>PIN entry: {n} of at most {max} digits typed</source>
        <translation>PIN-Eingabe: {n} von höchstens {max} Ziffern eingegeben</translation>
    </message>
</context>
<context>
    <name>PlayerView</name>
    <message>
        <source>Session player</source>
        <translation>Trainingsansicht</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>Set and repetition</source>
        <translation>Satz und Wiederholung</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>Übung</translation>
    </message>
    <message>
        <source>Instruction</source>
        <translation>Anleitung</translation>
    </message>
    <message>
        <source>Routine progress</source>
        <translation>Fortschritt im Programm</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Left arrow</source>
        <translation>Pfeil nach links</translation>
    </message>
    <message>
        <source>Restart step</source>
        <translation>Schritt neu starten</translation>
    </message>
    <message>
        <source>R</source>
        <translation>R</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Leertaste</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Überspringen</translation>
    </message>
    <message>
        <source>Right arrow</source>
        <translation>Pfeil nach rechts</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Stop this session? What you have done so far is kept.</source>
        <translation>Diese Einheit beenden? Was Sie bisher gemacht haben, bleibt erhalten.</translation>
    </message>
    <message>
        <source>Keep going (Esc)</source>
        <translation>Weitermachen (Esc)</translation>
    </message>
    <message>
        <source>Keep going</source>
        <translation>Weitermachen</translation>
    </message>
    <message>
        <source>Stop session (Enter)</source>
        <translation>Einheit beenden (Enter)</translation>
    </message>
    <message>
        <source>Stop session</source>
        <translation>Einheit beenden</translation>
    </message>
    <message>
        <source>Shortcut: {key}</source>
        <translation>Tastenkürzel: {key}</translation>
    </message>
    <message>
        <source>{action} ({key})</source>
        <translation>{action} ({key})</translation>
    </message>
    <message>
        <source>GET READY</source>
        <translation>BEREIT MACHEN</translation>
    </message>
    <message>
        <source>WORK</source>
        <translation>ÜBUNG</translation>
    </message>
    <message>
        <source>HOLD</source>
        <translation>HALTEN</translation>
    </message>
    <message>
        <source>REST</source>
        <translation>PAUSE</translation>
    </message>
    <message>
        <source>SWITCH SIDES</source>
        <translation>SEITE WECHSELN</translation>
    </message>
    <message>
        <source>INFO</source>
        <translation>INFO</translation>
    </message>
    <message>
        <source>CALIBRATE</source>
        <translation>KALIBRIEREN</translation>
    </message>
    <message>
        <source>LOWER</source>
        <translation>ABSENKEN</translation>
    </message>
    <message>
        <source>RAISE</source>
        <translation>ANHEBEN</translation>
    </message>
    <message>
        <source>PAUSE</source>
        <translation>PAUSE</translation>
    </message>
    <message>
        <source>LEFT SIDE</source>
        <translation>LINKE SEITE</translation>
    </message>
    <message>
        <source>RIGHT SIDE</source>
        <translation>RECHTE SEITE</translation>
    </message>
    <message>
        <source>Effort {n} of {total}</source>
        <translation>Versuch {n} von {total}</translation>
    </message>
    <message>
        <source>Hold {n} of {total}</source>
        <translation>Halten {n} von {total}</translation>
    </message>
    <message>
        <source>Rep {n} of {total}</source>
        <translation>Wdh. {n} von {total}</translation>
    </message>
    <message>
        <source>{n} sets</source>
        <translation>{n} Sätze</translation>
    </message>
    <message>
        <source>1 hold</source>
        <translation>1 Haltephase</translation>
    </message>
    <message>
        <source>{n} holds</source>
        <translation>{n} Haltephasen</translation>
    </message>
    <message>
        <source>1 rep</source>
        <translation>1 Wiederholung</translation>
    </message>
    <message>
        <source>{n} reps</source>
        <translation>{n} Wiederholungen</translation>
    </message>
    <message>
        <source>Set {n} of {total}</source>
        <translation>Satz {n} von {total}</translation>
    </message>
    <message>
        <source>{counter} done</source>
        <translation>{counter} geschafft</translation>
    </message>
    <message>
        <source>Rest</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Relax</source>
        <translation>Entspannen</translation>
    </message>
    <message>
        <source>Switch sides</source>
        <translation>Seite wechseln</translation>
    </message>
    <message>
        <source>Routine complete. Well done.</source>
        <translation>Training beendet. Gut gemacht.</translation>
    </message>
    <message>
        <source>Squeeze as hard as you can</source>
        <translation>So fest anspannen, wie Sie können</translation>
    </message>
    <message>
        <source>Next up: finish</source>
        <translation>Danach: Abschluss</translation>
    </message>
    <message>
        <source>Next up: {name} ({time})</source>
        <translation>Danach: {name} ({time})</translation>
    </message>
    <message>
        <source>Switch to the left side</source>
        <translation>Wechsel zur linken Seite</translation>
    </message>
    <message>
        <source>Switch to the right side</source>
        <translation>Wechsel zur rechten Seite</translation>
    </message>
    <message>
        <source>Next up: {what} ({time})</source>
        <translation>Danach: {what} ({time})</translation>
    </message>
    <message>
        <source>Resuming — get ready</source>
        <translation>Gleich geht es weiter — bereit machen</translation>
    </message>
    <message>
        <source>Press Start or Space to begin</source>
        <translation>Mit „Start“ oder der Leertaste beginnen</translation>
    </message>
    <message>
        <source>Paused — Space resumes</source>
        <translation>Pausiert — weiter mit der Leertaste</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <source>{time} left</source>
        <translation>noch {time}</translation>
    </message>
    <message>
        <source>{percent}% done</source>
        <translation>{percent}&#xa0;% geschafft</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Weiter</translation>
    </message>
</context>
<context>
    <name>ProgressionBanner</name>
    <message>
        <source>A suggestion to step up</source>
        <translation>Ein Vorschlag zur Steigerung</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Annehmen</translation>
    </message>
    <message>
        <source>Accept the step up</source>
        <translation>Die Steigerung annehmen</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Jetzt nicht</translation>
    </message>
    <message>
        <source>Not now, keep the routine as it is</source>
        <translation>Jetzt nicht, das Programm unverändert lassen</translation>
    </message>
    <message>
        <source>Ready for a small step up?</source>
        <translation>Bereit für eine kleine Steigerung?</translation>
    </message>
    <message>
        <source>Ready for a harder routine?</source>
        <translation>Bereit für ein anspruchsvolleres Programm?</translation>
    </message>
    <message>
        <source>Next: {name}</source>
        <translation>Als Nächstes: {name}</translation>
    </message>
    <message>
        <source>You have done this routine {n} times without more pain.</source>
        <translation>Sie haben dieses Programm {n}-mal gemacht, ohne dass der Schmerz zugenommen hat.</translation>
    </message>
    <message>
        <source>You have done this routine {n} times.</source>
        <translation>Sie haben dieses Programm {n}-mal gemacht.</translation>
    </message>
    <message>
        <source>Pain was not recorded in {m} of these sessions, so those could not be checked.</source>
        <translation>In {m} dieser Einheiten wurde der Schmerz nicht erfasst, daher konnten sie nicht geprüft werden.</translation>
    </message>
    <message>
        <source>{name}: holds {before} → {after}</source>
        <translation>{name}: Haltephase {before} → {after}</translation>
    </message>
    <message>
        <source>{name}: {before} → {after}</source>
        <translation>{name}: {before} → {after}</translation>
    </message>
    <message>
        <source>{name}: {before} → {after} reps</source>
        <translation>{name}: {before} → {after} Wiederholungen</translation>
    </message>
    <message>
        <source>{name}: {before} → {after} sets</source>
        <translation>{name}: {before} → {after} Sätze</translation>
    </message>
    <message>
        <source>Could not save the new level: {reason}</source>
        <translation>Die neue Stufe konnte nicht gespeichert werden: {reason}</translation>
    </message>
</context>
<context>
    <name>QuickEditor</name>
    <message>
        <source>Quick edits: {title}</source>
        <translation>Schnell anpassen: {title}</translation>
    </message>
    <message>
        <source>Changes make a copy for this client; the original routine stays as it is.</source>
        <translation>Ihre Änderungen betreffen nur eine Kopie für diese Person; das ursprüngliche Programm bleibt unverändert.</translation>
    </message>
    <message>
        <source>Original: {time}</source>
        <translation>Ursprünglich: {time}</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Ctrl+Up</source>
        <translation>Strg+Pfeil nach oben</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Ctrl+Down</source>
        <translation>Strg+Pfeil nach unten</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Entf</translation>
    </message>
    <message>
        <source>Steps of the routine</source>
        <translation>Schritte des Programms</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Haltephase</translation>
    </message>
    <message>
        <source>Reps</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <source>Sets</source>
        <translation>Sätze</translation>
    </message>
    <message>
        <source>Rest between reps</source>
        <translation>Pause zwischen Wiederholungen</translation>
    </message>
    <message>
        <source>Rest between sets</source>
        <translation>Pause zwischen Sätzen</translation>
    </message>
    <message>
        <source>Rounds</source>
        <translation>Runden</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>Beide</translation>
    </message>
    <message>
        <source>Each side</source>
        <translation>Jede Seite</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <source>Sides: {choice}</source>
        <translation>Seiten: {choice}</translation>
    </message>
    <message>
        <source>Sides</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Client&apos;s name or code</source>
        <translation>Name oder Kennung der Person</translation>
    </message>
    <message>
        <source>e.g. JD-042</source>
        <translation>z. B. JD-042</translation>
    </message>
    <message>
        <source>Save program</source>
        <translation>Programm speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Saved as a new routine in your routines, with this name or code in it. A code keeps the client&apos;s name out of the file.</source>
        <translation>Wird als neues Programm bei Ihren Übungsprogrammen gespeichert, mit diesem Namen oder dieser Kennung darin. Mit einer Kennung steht der Name der Person nicht in der Datei.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Ctrl+Z</source>
        <translation>Strg+Z</translation>
    </message>
    <message>
        <source>Save as client program…</source>
        <translation>Als persönliches Programm speichern…</translation>
    </message>
    <message>
        <source>Save as client program</source>
        <translation>Als persönliches Programm speichern</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Last change undone.</source>
        <translation>Letzte Änderung rückgängig gemacht.</translation>
    </message>
    <message>
        <source>{title} — for {client}</source>
        <translation>{title} — für {client}</translation>
    </message>
    <message>
        <source>Saved “{title}” as {file}.</source>
        <translation>„{title}“ als {file} gespeichert.</translation>
    </message>
    <message>
        <source>{reason} The previous value is kept.</source>
        <translation>{reason} Der bisherige Wert bleibt erhalten.</translation>
    </message>
    <message>
        <source>Total {time}</source>
        <translation>Gesamt {time}</translation>
    </message>
    <message>
        <source>Total time {time}</source>
        <translation>Gesamtdauer {time}</translation>
    </message>
    <message>
        <source>{n} rounds of the next {k} steps</source>
        <translation>{n} Runden der nächsten {k} Schritte</translation>
    </message>
    <message>
        <source>Its tempo sets the time of each rep; change the reps or sets.</source>
        <translation>Das Tempo bestimmt die Dauer jeder Wiederholung; ändern Sie stattdessen die Wiederholungen oder Sätze.</translation>
    </message>
    <message>
        <source>Select a step inside the block to change it.</source>
        <translation>Wählen Sie einen Schritt im Block aus, um ihn zu ändern.</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>The strongest-squeeze test can be moved or removed, not changed.</source>
        <translation>Der Test der stärksten Anspannung kann verschoben oder entfernt, aber nicht geändert werden.</translation>
    </message>
    <message>
        <source>A block of {k} steps</source>
        <translation>Ein Block aus {k} Schritten</translation>
    </message>
    <message>
        <source>Time per rep</source>
        <translation>Zeit pro Wiederholung</translation>
    </message>
    <message>
        <source>Tempo (one rep)</source>
        <translation>Tempo (eine Wiederholung)</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
</context>
<context>
    <name>ReminderTray</name>
    <message>
        <source>Reminders need a system tray, and none was found; no reminders will be shown. You can export the schedule to your calendar instead.</source>
        <translation>Erinnerungen brauchen einen Infobereich in der Taskleiste, und es wurde keiner gefunden; daher werden keine Erinnerungen angezeigt. Sie können die Termine stattdessen in Ihren Kalender übernehmen.</translation>
    </message>
    <message>
        <source>Glute Coach</source>
        <translation>Glute Coach</translation>
    </message>
    <message>
        <source>Open Glute Coach</source>
        <translation>Glute Coach öffnen</translation>
    </message>
    <message>
        <source>Time for your glute routine</source>
        <translation>Zeit für Ihr Gesäßtraining</translation>
    </message>
    <message>
        <source>{name} is ready when you are.</source>
        <translation>{name} wartet auf Sie, wann immer es Ihnen passt.</translation>
    </message>
    <message>
        <source>Open Glute Coach when you are ready.</source>
        <translation>Öffnen Sie Glute Coach, wann immer es Ihnen passt.</translation>
    </message>
</context>
<context>
    <name>ReplayDialog</name>
    <message>
        <source>Replay recording</source>
        <translation>Aufzeichnung abspielen</translation>
    </message>
    <message>
        <source>Replay of the recording {name}</source>
        <translation>Wiedergabe der Aufzeichnung {name}</translation>
    </message>
    <message>
        <source>Recording: {name}</source>
        <translation>Aufzeichnung: {name}</translation>
    </message>
    <message>
        <source>Replayed sensor signals</source>
        <translation>Wiedergegebene Sensorsignale</translation>
    </message>
    <message>
        <source>Playing…</source>
        <translation>Wird abgespielt…</translation>
    </message>
    <message>
        <source>Replay status</source>
        <translation>Wiedergabestatus</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close the replay</source>
        <translation>Die Wiedergabe schließen</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>Progress report</source>
        <translation>Fortschrittsbericht</translation>
    </message>
    <message>
        <source>{start} to {end} (1 week)</source>
        <translation>{start} bis {end} (1 Woche)</translation>
    </message>
    <message>
        <source>{start} to {end} ({n} weeks)</source>
        <translation>{start} bis {end} ({n} Wochen)</translation>
    </message>
    <message>
        <source>For {client}</source>
        <translation>Für {client}</translation>
    </message>
    <message>
        <source>Routine: {title}</source>
        <translation>Programm: {title}</translation>
    </message>
    <message>
        <source>All routines</source>
        <translation>Alle Programme</translation>
    </message>
    <message>
        <source>Printed on {date}</source>
        <translation>Gedruckt am {date}</translation>
    </message>
    <message>
        <source>No sessions were saved in this period. Sessions appear here once they are finished and saved in Glute Coach.</source>
        <translation>In diesem Zeitraum wurden keine Einheiten gespeichert. Einheiten erscheinen hier, sobald sie in Glute Coach beendet und gespeichert wurden.</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Einheiten</translation>
    </message>
    <message>
        <source>in this period</source>
        <translation>in diesem Zeitraum</translation>
    </message>
    <message>
        <source>Of the planned sessions</source>
        <translation>Von den geplanten Einheiten</translation>
    </message>
    <message>
        <source>{done} of {planned} done to the end</source>
        <translation>{done} von {planned} vollständig absolviert</translation>
    </message>
    <message>
        <source>Done to the end</source>
        <translation>Vollständig absolviert</translation>
    </message>
    <message>
        <source>{done} of {n} sessions</source>
        <translation>{done} von {n} Einheiten</translation>
    </message>
    <message>
        <source>first half → second half</source>
        <translation>erste Hälfte → zweite Hälfte</translation>
    </message>
    <message>
        <source>first → last 2 weeks</source>
        <translation>erste → letzte 2 Wochen</translation>
    </message>
    <message>
        <source>Pain before (0–10)</source>
        <translation>Schmerz vorher (0–10)</translation>
    </message>
    <message>
        <source>One session was saved in {weeks} weeks.</source>
        <translation>In {weeks} Wochen wurde eine Einheit gespeichert.</translation>
    </message>
    <message>
        <source>{n} sessions were saved in {weeks} weeks.</source>
        <translation>In {weeks} Wochen wurden {n} Einheiten gespeichert.</translation>
    </message>
    <message>
        <source>One session was saved this week.</source>
        <translation>Diese Woche wurde eine Einheit gespeichert.</translation>
    </message>
    <message>
        <source>{n} sessions were saved this week.</source>
        <translation>Diese Woche wurden {n} Einheiten gespeichert.</translation>
    </message>
    <message>
        <source>That is {share} % of the planned sessions: a steady routine.</source>
        <translation>Das sind {share} % der geplanten Einheiten: ein stetiger Rhythmus.</translation>
    </message>
    <message>
        <source>That is {share} % of the planned sessions; the weekly table below shows when it was easier to keep up.</source>
        <translation>Das sind {share} % der geplanten Einheiten; die Wochentabelle unten zeigt, wann es leichter fiel, dranzubleiben.</translation>
    </message>
    <message>
        <source>Every session was done to the end.</source>
        <translation>Jede Einheit wurde vollständig absolviert.</translation>
    </message>
    <message>
        <source>{done} of {n} sessions were done to the end.</source>
        <translation>{done} von {n} Einheiten wurden vollständig absolviert.</translation>
    </message>
    <message>
        <source>Pain before sessions eased from {a} to {b} on average.</source>
        <translation>Der Schmerz vor den Einheiten ging im Durchschnitt von {a} auf {b} zurück.</translation>
    </message>
    <message>
        <source>Pain before sessions was {a} on average at first and {b} lately.</source>
        <translation>Der Schmerz vor den Einheiten lag anfangs im Durchschnitt bei {a} und zuletzt bei {b}.</translation>
    </message>
    <message>
        <source>Pain before sessions stayed about the same (around {b}).</source>
        <translation>Der Schmerz vor den Einheiten blieb etwa gleich (um {b}).</translation>
    </message>
    <message>
        <source>Pain was not recorded often enough to compare.</source>
        <translation>Der Schmerz wurde nicht oft genug erfasst, um einen Vergleich zu ziehen.</translation>
    </message>
    <message>
        <source>One session ended with more pain than it started with (below).</source>
        <translation>Eine Einheit endete mit mehr Schmerz als zu Beginn (siehe unten).</translation>
    </message>
    <message>
        <source>{n} sessions ended with more pain than they started with (below).</source>
        <translation>{n} Einheiten endeten mit mehr Schmerz als zu Beginn (siehe unten).</translation>
    </message>
    <message>
        <source>One session was measured with a sensor.</source>
        <translation>Eine Einheit wurde mit einem Sensor gemessen.</translation>
    </message>
    <message>
        <source>{n} sessions were measured with a sensor.</source>
        <translation>{n} Einheiten wurden mit einem Sensor gemessen.</translation>
    </message>
    <message>
        <source>How often</source>
        <translation>Wie oft</translation>
    </message>
    <message>
        <source>Routine</source>
        <translation>Programm</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Week by week (done / planned)</source>
        <translation>Woche für Woche (absolviert / geplant)</translation>
    </message>
    <message>
        <source>no weekly plan on file</source>
        <translation>kein Wochenplan hinterlegt</translation>
    </message>
    <message>
        <source>once a week</source>
        <translation>einmal pro Woche</translation>
    </message>
    <message>
        <source>{n} times a week</source>
        <translation>{n}-mal pro Woche</translation>
    </message>
    <message>
        <source>so far</source>
        <translation>bisher</translation>
    </message>
    <message>
        <source>Weeks run Monday to Sunday. Sessions done to the end count towards the plan, at most as many as planned each week.</source>
        <translation>Die Wochen laufen von Montag bis Sonntag. Vollständig absolvierte Einheiten zählen für den Plan, pro Woche höchstens so viele wie geplant.</translation>
    </message>
    <message>
        <source>Pain</source>
        <translation>Schmerz</translation>
    </message>
    <message>
        <source>Average pain (0–10), first half → second half of the period: before sessions {b0} → {b1}, after sessions {a0} → {a1}.</source>
        <translation>Durchschnittlicher Schmerz (0–10), erste Hälfte → zweite Hälfte des Zeitraums: vor den Einheiten {b0} → {b1}, nach den Einheiten {a0} → {a1}.</translation>
    </message>
    <message>
        <source>Average pain (0–10), first 2 weeks → last 2 weeks: before sessions {b0} → {b1}, after sessions {a0} → {a1}.</source>
        <translation>Durchschnittlicher Schmerz (0–10), erste 2 Wochen → letzte 2 Wochen: vor den Einheiten {b0} → {b1}, nach den Einheiten {a0} → {a1}.</translation>
    </message>
    <message>
        <source>Pain was 2 or more points higher after these sessions; they may be worth a chat:</source>
        <translation>Nach diesen Einheiten war der Schmerz um 2 oder mehr Punkte höher; darüber könnte man kurz sprechen:</translation>
    </message>
    <message>
        <source>{day}, {routine}: pain {before} → {after}</source>
        <translation>{day}, {routine}: Schmerz {before} → {after}</translation>
    </message>
    <message>
        <source>No session ended with pain 2 or more points higher than before it.</source>
        <translation>Nach keiner Einheit war der Schmerz um 2 oder mehr Punkte höher als davor.</translation>
    </message>
    <message>
        <source>Pain over time (0 = none, 10 = worst)</source>
        <translation>Schmerz im Zeitverlauf (0 = keiner, 10 = stärkster)</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <source>2 or more points higher after</source>
        <translation>Nachher 2 oder mehr Punkte höher</translation>
    </message>
    <message>
        <source>Steps done per session</source>
        <translation>Erledigte Schritte pro Einheit</translation>
    </message>
    <message>
        <source>Stopped early</source>
        <translation>Vorzeitig beendet</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Effort</source>
        <translation>Anstrengung</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Done, {n} skipped</source>
        <translation>Erledigt, {n} übersprungen</translation>
    </message>
    <message>
        <source>Pain: before → after the session. Pain and effort (RPE) are the person&apos;s own ratings from 0 to 10. Pain in bold: 2 or more points higher after the session.</source>
        <translation>Schmerz: vor → nach der Einheit. Schmerz und Anstrengung (RPE) sind eigene Angaben der Person von 0 bis 10. Schmerz in Fettdruck: nach der Einheit 2 oder mehr Punkte höher.</translation>
    </message>
    <message>
        <source>Sensor measurements</source>
        <translation>Sensormessungen</translation>
    </message>
    <message>
        <source>Per exercise, as measured in each session. %MVC is the share of the strongest squeeze measured at the start of the session. Symmetry compares the left and right target muscles; reaction is the time from the cue to the muscle switching on.</source>
        <translation>Pro Übung, wie in jeder Einheit gemessen. %MVC ist der Anteil an der stärksten Anspannung, die zu Beginn der Einheit gemessen wurde. Die Symmetrie vergleicht die linken und rechten Zielmuskeln; die Reaktion ist die Zeit vom Hinweis bis zum Einsetzen der Muskelaktivität.</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <source>Both sides</source>
        <translation>Beide Seiten</translation>
    </message>
    <message>
        <source>Mean level per side ({unit})</source>
        <translation>Mittelwert pro Seite ({unit})</translation>
    </message>
    <message>
        <source>Target zone</source>
        <translation>Zielbereich</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>Peak</source>
        <translation>Höchstwert</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Mittelwert</translation>
    </message>
    <message>
        <source>Time in zone</source>
        <translation>Zeit im Zielbereich</translation>
    </message>
    <message>
        <source>Reps</source>
        <translation>Wdh.</translation>
    </message>
    <message>
        <source>Symmetry</source>
        <translation>Symmetrie</translation>
    </message>
    <message>
        <source>Reaction</source>
        <translation>Reaktion</translation>
    </message>
    <message>
        <source>{ms} ms</source>
        <translation>{ms} ms</translation>
    </message>
    <message>
        <source>Progress report for {client} · Made with Glute Coach</source>
        <translation>Fortschrittsbericht für {client} · Erstellt mit Glute Coach</translation>
    </message>
    <message>
        <source>Progress report · Made with Glute Coach</source>
        <translation>Fortschrittsbericht · Erstellt mit Glute Coach</translation>
    </message>
    <message>
        <source>Page {n} of {total}</source>
        <translation>Seite {n} von {total}</translation>
    </message>
    <message>
        <source>Save a progress report</source>
        <translation>Fortschrittsbericht speichern</translation>
    </message>
    <message>
        <source>The report could not be saved: {0}</source>
        <translation>Der Bericht konnte nicht gespeichert werden: {0}</translation>
    </message>
    <message>
        <source>Report saved: {0}</source>
        <translation>Bericht gespeichert: {0}</translation>
    </message>
</context>
<context>
    <name>RoutineCard</name>
    <message>
        <source>None needed</source>
        <translation>Keine nötig</translation>
    </message>
    <message>
        <source>Equipment: {items}</source>
        <translation>Ausrüstung: {items}</translation>
    </message>
    <message>
        <source>Tags: {tags}</source>
        <translation>Schlagwörter: {tags}</translation>
    </message>
    <message>
        <source>{title}, {level}, {length}</source>
        <translation>{title}, {level}, {length}</translation>
    </message>
    <message>
        <source>{summary} Equipment: {equipment}.</source>
        <translation>{summary} Ausrüstung: {equipment}.</translation>
    </message>
    <message>
        <source>Press Enter to open.</source>
        <translation>Mit Enter öffnen.</translation>
    </message>
</context>
<context>
    <name>SensorSetupDialog</name>
    <message>
        <source>Sensor setup</source>
        <translation>Sensor einrichten</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Stop the test signal and close</source>
        <translation>Testsignal beenden und schließen</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Simulated</source>
        <translation>Simuliert</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>LSL</source>
        <translation>LSL</translation>
    </message>
    <message>
        <source>BrainFlow</source>
        <translation>BrainFlow</translation>
    </message>
    <message>
        <source>Bluetooth LE</source>
        <translation>Bluetooth LE</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>Seriell</translation>
    </message>
    <message>
        <source>Where the signal comes from</source>
        <translation>Woher das Signal kommt</translation>
    </message>
    <message>
        <source>Source &amp;type</source>
        <translation>&amp;Quellentyp</translation>
    </message>
    <message>
        <source>Source type</source>
        <translation>Quellentyp</translation>
    </message>
    <message>
        <source>The source written as a spec string, as on the command line</source>
        <translation>Die Quelle als Spec-Zeichenkette, wie auf der Kommandozeile</translation>
    </message>
    <message>
        <source>&amp;Spec (advanced)</source>
        <translation>&amp;Spec (für Fortgeschrittene)</translation>
    </message>
    <message>
        <source>Source spec</source>
        <translation>Spec der Quelle</translation>
    </message>
    <message>
        <source>Spec check</source>
        <translation>Prüfung der Spec</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Connect to the source and show it</source>
        <translation>Mit der Quelle verbinden und ihr Signal zeigen</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>&amp;Trennen</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Trennen</translation>
    </message>
    <message>
        <source>Stop the test signal</source>
        <translation>Testsignal beenden</translation>
    </message>
    <message>
        <source>Connection state</source>
        <translation>Verbindungsstatus</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Search for sources</source>
        <translation>Nach Quellen suchen</translation>
    </message>
    <message>
        <source>Look for sources of this kind; this can take a few seconds</source>
        <translation>Nach Quellen dieser Art suchen; das kann einige Sekunden dauern</translation>
    </message>
    <message>
        <source>Nothing searched yet</source>
        <translation>Noch nicht gesucht</translation>
    </message>
    <message>
        <source>Found sources</source>
        <translation>Gefundene Quellen</translation>
    </message>
    <message>
        <source>Choose one to fill in the fields above</source>
        <translation>Wählen Sie eine aus, um die Felder oben auszufüllen</translation>
    </message>
    <message>
        <source>Search result</source>
        <translation>Suchergebnis</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Gefunden</translation>
    </message>
    <message>
        <source>C&amp;hannels</source>
        <translation>&amp;Kanäle</translation>
    </message>
    <message>
        <source>Simulated channels</source>
        <translation>Simulierte Kanäle</translation>
    </message>
    <message>
        <source>EMG (muscle activity)</source>
        <translation>EMG (Muskelaktivität)</translation>
    </message>
    <message>
        <source>Pressure cuff</source>
        <translation>Druckmanschette</translation>
    </message>
    <message>
        <source>Si&amp;gnal</source>
        <translation>Si&amp;gnal</translation>
    </message>
    <message>
        <source>Simulated signal</source>
        <translation>Simuliertes Signal</translation>
    </message>
    <message>
        <source>A made-up signal that squeezes on cues: no sensor needed.</source>
        <translation>Ein erfundenes Signal, das auf die Hinweise hin anspannt: kein Sensor nötig.</translation>
    </message>
    <message>
        <source>A recording: CSV, UCI text or EDF</source>
        <translation>Eine Aufzeichnung: CSV, UCI-Text oder EDF</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>D&amp;urchsuchen…</translation>
    </message>
    <message>
        <source>Browse for a recording</source>
        <translation>Nach einer Aufzeichnung suchen</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Datei auswählen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Recording file</source>
        <translation>Aufzeichnungsdatei</translation>
    </message>
    <message>
        <source>Sp&amp;eed</source>
        <translation>Te&amp;mpo</translation>
    </message>
    <message>
        <source>Replay speed</source>
        <translation>Wiedergabetempo</translation>
    </message>
    <message>
        <source>Stream name</source>
        <translation>Stream-Name</translation>
    </message>
    <message>
        <source>Stream na&amp;me</source>
        <translation>Strea&amp;m-Name</translation>
    </message>
    <message>
        <source>LSL stream name</source>
        <translation>Name des LSL-Streams</translation>
    </message>
    <message>
        <source>e.g. EMG</source>
        <translation>z. B. EMG</translation>
    </message>
    <message>
        <source>Stream t&amp;ype</source>
        <translation>Stream-T&amp;yp</translation>
    </message>
    <message>
        <source>LSL stream type</source>
        <translation>Typ des LSL-Streams</translation>
    </message>
    <message>
        <source>Sc&amp;an</source>
        <translation>Su&amp;chen</translation>
    </message>
    <message>
        <source>Board name or number, e.g. synthetic</source>
        <translation>Name oder Nummer des Boards, z. B. synthetic</translation>
    </message>
    <message>
        <source>&amp;Board</source>
        <translation>&amp;Board</translation>
    </message>
    <message>
        <source>BrainFlow board</source>
        <translation>BrainFlow-Board</translation>
    </message>
    <message>
        <source>e.g. serial_port=/dev/ttyUSB0</source>
        <translation>z. B. serial_port=/dev/ttyUSB0</translation>
    </message>
    <message>
        <source>&amp;Options</source>
        <translation>&amp;Optionen</translation>
    </message>
    <message>
        <source>BrainFlow options</source>
        <translation>BrainFlow-Optionen</translation>
    </message>
    <message>
        <source>L&amp;ist boards</source>
        <translation>Boards aufl&amp;isten</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>&amp;Adresse</translation>
    </message>
    <message>
        <source>Bluetooth address</source>
        <translation>Bluetooth-Adresse</translation>
    </message>
    <message>
        <source>Device pro&amp;file</source>
        <translation>&amp;Geräteprofil</translation>
    </message>
    <message>
        <source>Bluetooth device profile</source>
        <translation>Bluetooth-Geräteprofil</translation>
    </message>
    <message>
        <source>P&amp;ort</source>
        <translation>P&amp;ort</translation>
    </message>
    <message>
        <source>Serial port</source>
        <translation>Serieller Anschluss</translation>
    </message>
    <message>
        <source>Ba&amp;ud rate</source>
        <translation>Ba&amp;udrate</translation>
    </message>
    <message>
        <source>Baud rate</source>
        <translation>Baudrate</translation>
    </message>
    <message>
        <source>Text lines</source>
        <translation>Textzeilen</translation>
    </message>
    <message>
        <source>Binary frames</source>
        <translation>Binäre Datenrahmen</translation>
    </message>
    <message>
        <source>Fo&amp;rmat</source>
        <translation>&amp;Format</translation>
    </message>
    <message>
        <source>Data format</source>
        <translation>Datenformat</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanäle</translation>
    </message>
    <message>
        <source>Say where each channel&apos;s electrodes sit. Untick channels you do not use.</source>
        <translation>Geben Sie an, wo die Elektroden jedes Kanals sitzen. Entfernen Sie das Häkchen bei Kanälen, die Sie nicht verwenden.</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Verwenden</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Muscle</source>
        <translation>Muskel</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>Each channel of the source and the muscle it is on</source>
        <translation>Jeder Kanal der Quelle und der Muskel, auf dem er sitzt</translation>
    </message>
    <message>
        <source>Connect to list the channels.</source>
        <translation>Verbinden Sie, um die Kanäle aufzulisten.</translation>
    </message>
    <message>
        <source>No channels yet</source>
        <translation>Noch keine Kanäle</translation>
    </message>
    <message>
        <source>Test trace</source>
        <translation>Testverlauf</translation>
    </message>
    <message>
        <source>Connect to see the live signal here.</source>
        <translation>Verbinden Sie, um hier das Live-Signal zu sehen.</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>e.g. Both glutes, MyoWare</source>
        <translation>z. B. Beide Gesäßhälften, MyoWare</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>Profilname</translation>
    </message>
    <message>
        <source>Profile &amp;name</source>
        <translation>Profil&amp;name</translation>
    </message>
    <message>
        <source>Save &amp;profile</source>
        <translation>&amp;Profil speichern</translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation>Profil speichern</translation>
    </message>
    <message>
        <source>Save the source and channels</source>
        <translation>Quelle und Kanäle speichern</translation>
    </message>
    <message>
        <source>No saved profiles</source>
        <translation>Keine gespeicherten Profile</translation>
    </message>
    <message>
        <source>Saved profiles</source>
        <translation>Gespeicherte Profile</translation>
    </message>
    <message>
        <source>Sa&amp;ved</source>
        <translation>G&amp;espeichert</translation>
    </message>
    <message>
        <source>&amp;Load</source>
        <translation>&amp;Laden</translation>
    </message>
    <message>
        <source>Load profile</source>
        <translation>Profil laden</translation>
    </message>
    <message>
        <source>Fill the dialog from this profile</source>
        <translation>Den Dialog mit diesem Profil ausfüllen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation>Profil löschen</translation>
    </message>
    <message>
        <source>Delete this saved profile</source>
        <translation>Dieses gespeicherte Profil löschen</translation>
    </message>
    <message>
        <source>Profile status</source>
        <translation>Profilstatus</translation>
    </message>
    <message>
        <source>Not complete yet: {reason}</source>
        <translation>Noch nicht vollständig: {reason}</translation>
    </message>
    <message>
        <source>Choose a recording</source>
        <translation>Aufzeichnung auswählen</translation>
    </message>
    <message>
        <source>Recordings (*.csv *.tsv *.txt *.edf *.bdf);;All files (*)</source>
        <translation>Aufzeichnungen (*.csv *.tsv *.txt *.edf *.bdf);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Scanning…</source>
        <translation>Suche läuft…</translation>
    </message>
    <message>
        <source>Choose one</source>
        <translation>Bitte auswählen</translation>
    </message>
    <message>
        <source>Found 1 source.</source>
        <translation>1 Quelle gefunden.</translation>
    </message>
    <message>
        <source>Found {n} sources.</source>
        <translation>{n} Quellen gefunden.</translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation>Nichts gefunden</translation>
    </message>
    <message>
        <source>The source is not complete: {reason}</source>
        <translation>Die Quelle ist nicht vollständig: {reason}</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>Cannot open the source: {reason}</source>
        <translation>Die Quelle lässt sich nicht öffnen: {reason}</translation>
    </message>
    <message>
        <source>Live test trace</source>
        <translation>Live-Testverlauf</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Warning: {text}</source>
        <translation>Warnung: {text}</translation>
    </message>
    <message>
        <source>Connected: 1 channel at {rate} Hz</source>
        <translation>Verbunden: 1 Kanal mit {rate} Hz</translation>
    </message>
    <message>
        <source>Connected: {n} channels at {rate} Hz</source>
        <translation>Verbunden: {n} Kanäle mit {rate} Hz</translation>
    </message>
    <message>
        <source>Connection lost: reconnecting…</source>
        <translation>Verbindung verloren: verbinde neu…</translation>
    </message>
    <message>
        <source>Cannot connect: still trying…</source>
        <translation>Keine Verbindung: versuche es weiter…</translation>
    </message>
    <message>
        <source>No data from the sensor: waiting…</source>
        <translation>Keine Daten vom Sensor: warte…</translation>
    </message>
    <message>
        <source>Finished: the recording has been played</source>
        <translation>Fertig: Die Aufzeichnung wurde abgespielt</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>Beide</translation>
    </message>
    <message>
        <source>Use channel {name}</source>
        <translation>Kanal {name} verwenden</translation>
    </message>
    <message>
        <source>Not used</source>
        <translation>Nicht verwendet</translation>
    </message>
    <message>
        <source>Muscle for channel {name}</source>
        <translation>Muskel für Kanal {name}</translation>
    </message>
    <message>
        <source>Side for channel {name}</source>
        <translation>Seite für Kanal {name}</translation>
    </message>
    <message>
        <source>Loaded “{name}”. Connect again to use its source.</source>
        <translation>„{name}“ geladen. Verbinden Sie erneut, um seine Quelle zu verwenden.</translation>
    </message>
    <message>
        <source>Loaded “{name}”.</source>
        <translation>„{name}“ geladen.</translation>
    </message>
    <message>
        <source>Some profiles could not be read: {problems}</source>
        <translation>Einige Profile konnten nicht gelesen werden: {problems}</translation>
    </message>
    <message>
        <source>Give the profile a name first.</source>
        <translation>Geben Sie dem Profil zuerst einen Namen.</translation>
    </message>
    <message>
        <source>This profile cannot be saved: check the name.</source>
        <translation>Dieses Profil kann nicht gespeichert werden: Bitte prüfen Sie den Namen.</translation>
    </message>
    <message>
        <source>A profile called “{name}” exists. Replace it?</source>
        <translation>Es gibt bereits ein Profil namens „{name}“. Ersetzen?</translation>
    </message>
    <message>
        <source>Replace profile</source>
        <translation>Profil ersetzen</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>Nicht gespeichert.</translation>
    </message>
    <message>
        <source>Could not save: {reason}</source>
        <translation>Speichern fehlgeschlagen: {reason}</translation>
    </message>
    <message>
        <source>Saved “{name}”.</source>
        <translation>„{name}“ gespeichert.</translation>
    </message>
    <message>
        <source>Delete the profile “{name}”?</source>
        <translation>Das Profil „{name}“ löschen?</translation>
    </message>
    <message>
        <source>Could not delete: {reason}</source>
        <translation>Löschen fehlgeschlagen: {reason}</translation>
    </message>
    <message>
        <source>Deleted “{name}”.</source>
        <translation>„{name}“ gelöscht.</translation>
    </message>
    <message>
        <source>“{name}” was already gone.</source>
        <translation>„{name}“ war bereits gelöscht.</translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message>
        <source>Calibration: {muscles}</source>
        <translation>Kalibrierung: {muscles}</translation>
    </message>
</context>
<context>
    <name>SessionDetails</name>
    <message>
        <source>Session details</source>
        <translation>Details der Einheit</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Biofeedback</source>
        <translation>Biofeedback</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Aufzeichnung</translation>
    </message>
    <message>
        <source>Replay recording</source>
        <translation>Aufzeichnung abspielen</translation>
    </message>
    <message>
        <source>Replay the sensor recording</source>
        <translation>Die Sensoraufzeichnung abspielen</translation>
    </message>
    <message>
        <source>Choose a session to see its details.</source>
        <translation>Wählen Sie eine Einheit aus, um ihre Details zu sehen.</translation>
    </message>
    <message>
        <source>time {time}</source>
        <translation>Dauer {time}</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Stopped early</source>
        <translation>Vorzeitig beendet</translation>
    </message>
    <message>
        <source>{state} · {done} of {total} steps done</source>
        <translation>{state} · {done} von {total} Schritten erledigt</translation>
    </message>
    <message>
        <source>Effort: not recorded</source>
        <translation>Anstrengung: nicht erfasst</translation>
    </message>
    <message>
        <source>Effort: {n} out of 10</source>
        <translation>Anstrengung: {n} von 10</translation>
    </message>
    <message>
        <source>Done ({n})</source>
        <translation>Erledigt ({n})</translation>
    </message>
    <message>
        <source>Skipped ({n})</source>
        <translation>Übersprungen ({n})</translation>
    </message>
    <message>
        <source>Pain: not recorded</source>
        <translation>Schmerz: nicht erfasst</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>nicht erfasst</translation>
    </message>
    <message>
        <source>Pain before: {before} · after: {after} (0–10)</source>
        <translation>Schmerz vorher: {before} · nachher: {after} (0–10)</translation>
    </message>
    <message>
        <source>Sensor: {name}</source>
        <translation>Sensor: {name}</translation>
    </message>
    <message>
        <source>Recording: {name}</source>
        <translation>Aufzeichnung: {name}</translation>
    </message>
    <message>
        <source>The recording {name} is no longer there.</source>
        <translation>Die Aufzeichnung {name} ist nicht mehr vorhanden.</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <source>← Back</source>
        <translation>← Zurück</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Return to the previous page</source>
        <translation>Zur vorherigen Seite zurückkehren</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Restore &amp;defaults</source>
        <translation>Alles &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation>Standardwerte wiederherstellen</translation>
    </message>
    <message>
        <source>Set every option back to how Glute Coach first started</source>
        <translation>Alle Optionen auf den Stand beim ersten Start von Glute Coach zurücksetzen</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>Ton</translation>
    </message>
    <message>
        <source>Where sound plays. System default follows your computer&apos;s setting.</source>
        <translation>Wo der Ton ausgegeben wird. „Systemstandard“ folgt der Einstellung Ihres Computers.</translation>
    </message>
    <message>
        <source>&amp;Output device</source>
        <translation>Ausgabe&amp;gerät</translation>
    </message>
    <message>
        <source>Output device</source>
        <translation>Ausgabegerät</translation>
    </message>
    <message>
        <source>&amp;Voice volume</source>
        <translation>Lautstärke &amp;Stimme</translation>
    </message>
    <message>
        <source>Voice volume</source>
        <translation>Lautstärke der Stimme</translation>
    </message>
    <message>
        <source>&amp;Beep volume</source>
        <translation>Lautstärke Signal&amp;töne</translation>
    </message>
    <message>
        <source>Beep volume</source>
        <translation>Lautstärke der Signaltöne</translation>
    </message>
    <message>
        <source>&amp;Feedback volume</source>
        <translation>Lautstärke &amp;Feedback</translation>
    </message>
    <message>
        <source>Feedback volume</source>
        <translation>Lautstärke des Feedbacks</translation>
    </message>
    <message>
        <source>M&amp;usic volume</source>
        <translation>Lautstärke &amp;Musik</translation>
    </message>
    <message>
        <source>Music volume</source>
        <translation>Lautstärke der Musik</translation>
    </message>
    <message>
        <source>0 to 100 percent</source>
        <translation>0 bis 100 Prozent</translation>
    </message>
    <message>
        <source>&amp;Mute all sound</source>
        <translation>Alles st&amp;ummschalten</translation>
    </message>
    <message>
        <source>Mute all sound</source>
        <translation>Alles stummschalten</translation>
    </message>
    <message>
        <source>Silence voice, beeps, feedback and music</source>
        <translation>Stimme, Signaltöne, Feedback und Musik stummschalten</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source> beeps</source>
        <translation> Töne</translation>
    </message>
    <message>
        <source>How many beeps count down the last seconds of a phase, 0 to 10</source>
        <translation>Wie viele Signaltöne die letzten Sekunden einer Phase herunterzählen, 0 bis 10</translation>
    </message>
    <message>
        <source>&amp;Countdown beeps</source>
        <translation>&amp;Countdown-Signaltöne</translation>
    </message>
    <message>
        <source>Countdown beeps</source>
        <translation>Countdown-Signaltöne</translation>
    </message>
    <message>
        <source>Use one beep &amp;sound for every phase</source>
        <translation>&amp;Einen Signalton für alle Phasen verwenden</translation>
    </message>
    <message>
        <source>Use one beep sound for every phase</source>
        <translation>Einen Signalton für alle Phasen verwenden</translation>
    </message>
    <message>
        <source>When off, each phase has its own beep</source>
        <translation>Wenn aus, hat jede Phase ihren eigenen Signalton</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>Stimme</translation>
    </message>
    <message>
        <source>S&amp;peak cues</source>
        <translation>S&amp;prachansagen</translation>
    </message>
    <message>
        <source>Speak cues</source>
        <translation>Sprachansagen</translation>
    </message>
    <message>
        <source>When off, beeps stand in for spoken prompts</source>
        <translation>Wenn aus, ersetzen Signaltöne die gesprochenen Hinweise</translation>
    </message>
    <message>
        <source>Voice &amp;language</source>
        <translation>Sprache der &amp;Ansagen</translation>
    </message>
    <message>
        <source>Voice language</source>
        <translation>Sprache der Ansagen</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>Anzeige</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Hoher Kontrast</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Design</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Design</translation>
    </message>
    <message>
        <source>Te&amp;xt size</source>
        <translation>Te&amp;xtgröße</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Textgröße</translation>
    </message>
    <message>
        <source>75 to 200 percent</source>
        <translation>75 bis 200 Prozent</translation>
    </message>
    <message>
        <source>Flas&amp;h the screen on each cue</source>
        <translation>&amp;Bildschirm bei jedem Hinweis aufblitzen lassen</translation>
    </message>
    <message>
        <source>Flash the screen on each cue</source>
        <translation>Bildschirm bei jedem Hinweis aufblitzen lassen</translation>
    </message>
    <message>
        <source>A brief flash helps when you cannot hear the cues</source>
        <translation>Ein kurzes Aufblitzen hilft, wenn Sie die Hinweise nicht hören können</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Takes effect the next time Glute Coach starts</source>
        <translation>Wird beim nächsten Start von Glute Coach wirksam</translation>
    </message>
    <message>
        <source>&amp;Interface language</source>
        <translation>Sprache der &amp;Oberfläche</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Sprache der Oberfläche</translation>
    </message>
    <message>
        <source>A new interface language takes effect when Glute Coach restarts.</source>
        <translation>Eine neue Sprache der Oberfläche wird nach einem Neustart von Glute Coach wirksam.</translation>
    </message>
    <message>
        <source>Biofeedback</source>
        <translation>Biofeedback</translation>
    </message>
    <message>
        <source>Sensor</source>
        <translation>Sensor</translation>
    </message>
    <message>
        <source>Set up se&amp;nsor…</source>
        <translation>Sensor ei&amp;nrichten…</translation>
    </message>
    <message>
        <source>Set up sensor</source>
        <translation>Sensor einrichten</translation>
    </message>
    <message>
        <source>Choose, connect and test the sensor used in your sessions</source>
        <translation>Den Sensor für Ihre Einheiten auswählen, verbinden und testen</translation>
    </message>
    <message>
        <source>No s&amp;ensor</source>
        <translation>&amp;Kein Sensor</translation>
    </message>
    <message>
        <source>No sensor</source>
        <translation>Kein Sensor</translation>
    </message>
    <message>
        <source>Run your sessions without a sensor</source>
        <translation>Ihre Einheiten ohne Sensor durchführen</translation>
    </message>
    <message>
        <source>A note that rises with your squeeze</source>
        <translation>Ein Ton, der mit Ihrer Anspannung ansteigt</translation>
    </message>
    <message>
        <source>A chime when you enter and leave the target band</source>
        <translation>Ein Glockenton, wenn Sie den Zielbereich erreichen und wieder verlassen</translation>
    </message>
    <message>
        <source>Silent; the gauges still show your level</source>
        <translation>Ohne Klang; die Pegelanzeigen zeigen Ihren Wert weiterhin an</translation>
    </message>
    <message>
        <source>Tone</source>
        <translation>Ton</translation>
    </message>
    <message>
        <source>Chime</source>
        <translation>Glocke</translation>
    </message>
    <message>
        <source>No sound</source>
        <translation>Kein Klang</translation>
    </message>
    <message>
        <source>Feedb&amp;ack sound</source>
        <translation>Feedback-K&amp;lang</translation>
    </message>
    <message>
        <source>Feedback sound</source>
        <translation>Feedback-Klang</translation>
    </message>
    <message>
        <source>Colour the &amp;gauges by zone</source>
        <translation>Pegelanzeigen nach Be&amp;reich einfärben</translation>
    </message>
    <message>
        <source>Colour the gauges by zone</source>
        <translation>Pegelanzeigen nach Bereich einfärben</translation>
    </message>
    <message>
        <source>Below, in and above the target band each get their own colour; the zone is always named in words too</source>
        <translation>Unter, in und über dem Zielbereich hat die Anzeige je eine eigene Farbe; der Bereich wird immer auch in Worten genannt</translation>
    </message>
    <message>
        <source>Show the live signal t&amp;races</source>
        <translation>&amp;Verlauf des Live-Signals anzeigen</translation>
    </message>
    <message>
        <source>Show the live signal traces</source>
        <translation>Verlauf des Live-Signals anzeigen</translation>
    </message>
    <message>
        <source>A scrolling plot of the last few seconds of the signal beside the gauges</source>
        <translation>Ein mitlaufendes Diagramm der letzten Sekunden des Signals neben den Pegelanzeigen</translation>
    </message>
    <message>
        <source>Save sensor data &amp;with each session (on this computer)</source>
        <translation>Sensordaten jeder Einheit auf diesem Computer speic&amp;hern</translation>
    </message>
    <message>
        <source>Save sensor data with each session (on this computer)</source>
        <translation>Sensordaten jeder Einheit auf diesem Computer speichern</translation>
    </message>
    <message>
        <source>Each session&apos;s raw sensor signal is kept in a file on this computer</source>
        <translation>Das Rohsignal des Sensors wird für jede Einheit in einer Datei auf diesem Computer gespeichert</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Erinnerungen</translation>
    </message>
    <message>
        <source>Remind me to exercise</source>
        <translation>Ans Training erinnern</translation>
    </message>
    <message>
        <source>A message from the system tray at the chosen days and time while the app runs</source>
        <translation>Eine Nachricht im Infobereich der Taskleiste an den gewählten Tagen zur gewählten Uhrzeit, solange die App läuft</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>Mo</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Di</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Mi</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Do</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Fr</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>Sa</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>So</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>Reminder time</source>
        <translation>Uhrzeit der Erinnerung</translation>
    </message>
    <message>
        <source>Any routine</source>
        <translation>Beliebiges Programm</translation>
    </message>
    <message>
        <source>Routine</source>
        <translation>Programm</translation>
    </message>
    <message>
        <source>Routine to remind of</source>
        <translation>Programm, an das erinnert wird</translation>
    </message>
    <message>
        <source>Time of da&amp;y</source>
        <translation>Uhrze&amp;it</translation>
    </message>
    <message>
        <source>Add to my calendar (.ics)…</source>
        <translation>Zu meinem Kalender hinzufügen (.ics)…</translation>
    </message>
    <message>
        <source>Add to my calendar</source>
        <translation>Zu meinem Kalender hinzufügen</translation>
    </message>
    <message>
        <source>Save the reminder days and time as a file any calendar app can import</source>
        <translation>Die Erinnerungstage und die Uhrzeit als Datei speichern, die jede Kalender-App importieren kann</translation>
    </message>
    <message>
        <source>Your data</source>
        <translation>Ihre Daten</translation>
    </message>
    <message>
        <source>Back up…</source>
        <translation>Sichern…</translation>
    </message>
    <message>
        <source>Back up all your data to one file</source>
        <translation>Alle Ihre Daten in einer Datei sichern</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Wiederherstellen…</translation>
    </message>
    <message>
        <source>Restore your data from a backup file</source>
        <translation>Ihre Daten aus einer Sicherungsdatei wiederherstellen</translation>
    </message>
    <message>
        <source>Back up your data</source>
        <translation>Ihre Daten sichern</translation>
    </message>
    <message>
        <source>Backups (*.zip)</source>
        <translation>Sicherungen (*.zip)</translation>
    </message>
    <message>
        <source>The backup failed: {0}</source>
        <translation>Die Sicherung ist fehlgeschlagen: {0}</translation>
    </message>
    <message>
        <source>Your data is saved in {0}</source>
        <translation>Ihre Daten sind gesichert in {0}</translation>
    </message>
    <message>
        <source>Restore your data</source>
        <translation>Ihre Daten wiederherstellen</translation>
    </message>
    <message>
        <source>Replace your sessions, settings, routines and recordings with this backup? What is here now is kept in a folder beside them.</source>
        <translation>Ihre Einheiten, Einstellungen, Übungsprogramme und Aufzeichnungen durch diese Sicherung ersetzen? Was jetzt hier ist, wird in einem Ordner daneben aufbewahrt.</translation>
    </message>
    <message>
        <source>Nothing was changed: {0}</source>
        <translation>Es wurde nichts geändert: {0}</translation>
    </message>
    <message>
        <source>{n} files restored. Please restart Glute Coach to use them.</source>
        <translation>{n} Dateien wiederhergestellt. Bitte starten Sie Glute Coach neu, um sie zu verwenden.</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>Kalenderdateien (*.ics)</translation>
    </message>
    <message>
        <source>Glute Coach: time for your glute routine</source>
        <translation>Glute Coach: Zeit für Ihr Gesäßtraining</translation>
    </message>
    <message>
        <source>The calendar file could not be saved: {0}</source>
        <translation>Die Kalenderdatei konnte nicht gespeichert werden: {0}</translation>
    </message>
    <message>
        <source>Sensor: {0}</source>
        <translation>Sensor: {0}</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>%1 (not connected)</source>
        <translation>%1 (nicht verbunden)</translation>
    </message>
</context>
<context>
    <name>Source</name>
    <message>
        <source>Built in</source>
        <translation>Mitgeliefert</translation>
    </message>
    <message>
        <source>Your routine</source>
        <translation>Ihr Programm</translation>
    </message>
    <message>
        <source>Opened file</source>
        <translation>Geöffnete Datei</translation>
    </message>
</context>
<context>
    <name>StaffView</name>
    <message>
        <source>Staff</source>
        <translation>Personalbereich</translation>
    </message>
    <message>
        <source>Back to the kiosk</source>
        <translation>Zurück zum Kiosk</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Reload routines</source>
        <translation>Programme neu laden</translation>
    </message>
    <message>
        <source>Exit kiosk</source>
        <translation>Kioskmodus beenden</translation>
    </message>
</context>
<context>
    <name>SvgImage</name>
    <message>
        <source>No illustration available</source>
        <translation>Keine Abbildung verfügbar</translation>
    </message>
    <message>
        <source>{alt} (no illustration available)</source>
        <translation>{alt} (keine Abbildung verfügbar)</translation>
    </message>
    <message>
        <source>Illustration</source>
        <translation>Abbildung</translation>
    </message>
</context>
<context>
    <name>SymmetryBar</name>
    <message>
        <source>Even</source>
        <translation>Ausgeglichen</translation>
    </message>
    <message>
        <source>Left {n} % stronger</source>
        <translation>Links {n} % stärker</translation>
    </message>
    <message>
        <source>Right {n} % stronger</source>
        <translation>Rechts {n} % stärker</translation>
    </message>
    <message>
        <source>Left/right balance: {text}</source>
        <translation>Balance links/rechts: {text}</translation>
    </message>
    <message>
        <source>No signal</source>
        <translation>Kein Signal</translation>
    </message>
    <message>
        <source>Symmetry {n} %, even within {t} %</source>
        <translation>Symmetrie {n} %, ausgeglichen bis {t} %</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
</context>
<context>
    <name>ThanksView</name>
    <message>
        <source>Back to the start</source>
        <translation>Zurück zum Start</translation>
    </message>
    <message>
        <source>Well done!</source>
        <translation>Gut gemacht!</translation>
    </message>
    <message>
        <source>You finished “{title}”. Thank you for training with us.</source>
        <translation>Sie haben „{title}“ geschafft. Danke, dass Sie mit uns trainiert haben.</translation>
    </message>
    <message>
        <source>Session ended</source>
        <translation>Einheit beendet</translation>
    </message>
    <message>
        <source>You did {done} of {total} steps of “{title}”.</source>
        <translation>Sie haben {done} von {total} Schritten aus „{title}“ geschafft.</translation>
    </message>
</context>
<context>
    <name>TherapistConsole</name>
    <message>
        <source>Therapist console</source>
        <translation>Therapiekonsole</translation>
    </message>
    <message>
        <source>Session state</source>
        <translation>Status der Einheit</translation>
    </message>
    <message>
        <source>Client view</source>
        <translation>Klientenansicht</translation>
    </message>
    <message>
        <source>Show client view</source>
        <translation>Klientenansicht zeigen</translation>
    </message>
    <message>
        <source>Show the client view</source>
        <translation>Die Klientenansicht zeigen</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Ablauf</translation>
    </message>
    <message>
        <source>Routine steps</source>
        <translation>Schritte des Programms</translation>
    </message>
    <message>
        <source>Click a step to go to its start</source>
        <translation>Klicken Sie auf einen Schritt, um zu seinem Beginn zu springen</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Time left in this phase</source>
        <translation>Verbleibende Zeit in dieser Phase</translation>
    </message>
    <message>
        <source>Routine progress</source>
        <translation>Fortschritt im Programm</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Session notes</source>
        <translation>Notizen zur Einheit</translation>
    </message>
    <message>
        <source>Notes for this session (kept with its summary)…</source>
        <translation>Notizen zu dieser Einheit (werden mit der Zusammenfassung gespeichert)…</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Left arrow</source>
        <translation>Pfeil nach links</translation>
    </message>
    <message>
        <source>Restart step</source>
        <translation>Schritt neu starten</translation>
    </message>
    <message>
        <source>R</source>
        <translation>R</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Leertaste</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Überspringen</translation>
    </message>
    <message>
        <source>Right arrow</source>
        <translation>Pfeil nach rechts</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Stop this session? What has been done so far is kept.</source>
        <translation>Diese Einheit beenden? Was bisher gemacht wurde, bleibt erhalten.</translation>
    </message>
    <message>
        <source>Keep going (Esc)</source>
        <translation>Weitermachen (Esc)</translation>
    </message>
    <message>
        <source>Keep going</source>
        <translation>Weitermachen</translation>
    </message>
    <message>
        <source>Stop session (Enter)</source>
        <translation>Einheit beenden (Enter)</translation>
    </message>
    <message>
        <source>Stop session</source>
        <translation>Einheit beenden</translation>
    </message>
    <message>
        <source>Shortcut: {key}</source>
        <translation>Tastenkürzel: {key}</translation>
    </message>
    <message>
        <source>{action} ({key})</source>
        <translation>{action} ({key})</translation>
    </message>
    <message>
        <source>Client view closed</source>
        <translation>Klientenansicht geschlossen</translation>
    </message>
    <message>
        <source>Client view: fullscreen on {screen}</source>
        <translation>Klientenansicht: Vollbild auf {screen}</translation>
    </message>
    <message>
        <source>Client view: a window on this screen</source>
        <translation>Klientenansicht: Fenster auf diesem Bildschirm</translation>
    </message>
    <message>
        <source>GET READY</source>
        <translation>BEREIT MACHEN</translation>
    </message>
    <message>
        <source>WORK</source>
        <translation>ÜBUNG</translation>
    </message>
    <message>
        <source>HOLD</source>
        <translation>HALTEN</translation>
    </message>
    <message>
        <source>REST</source>
        <translation>PAUSE</translation>
    </message>
    <message>
        <source>SWITCH SIDES</source>
        <translation>SEITE WECHSELN</translation>
    </message>
    <message>
        <source>INFO</source>
        <translation>INFO</translation>
    </message>
    <message>
        <source>CALIBRATE</source>
        <translation>KALIBRIEREN</translation>
    </message>
    <message>
        <source>Getting ready</source>
        <translation>Vorbereitung</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Nicht gestartet</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <source>Left side</source>
        <translation>Linke Seite</translation>
    </message>
    <message>
        <source>Right side</source>
        <translation>Rechte Seite</translation>
    </message>
    <message>
        <source>Set {n} of {total}</source>
        <translation>Satz {n} von {total}</translation>
    </message>
    <message>
        <source>Effort {n} of {total}</source>
        <translation>Versuch {n} von {total}</translation>
    </message>
    <message>
        <source>Hold {n} of {total}</source>
        <translation>Halten {n} von {total}</translation>
    </message>
    <message>
        <source>Rep {n} of {total}</source>
        <translation>Wdh. {n} von {total}</translation>
    </message>
    <message>
        <source>{time} left in this phase</source>
        <translation>noch {time} in dieser Phase</translation>
    </message>
    <message>
        <source>Step {n} of {total}: {name}</source>
        <translation>Schritt {n} von {total}: {name}</translation>
    </message>
    <message>
        <source>{time} left in the routine</source>
        <translation>noch {time} im Programm</translation>
    </message>
    <message>
        <source>{step} (current step)</source>
        <translation>{step} (aktueller Schritt)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Weiter</translation>
    </message>
</context>
</TS>
