<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>BigNumber</name>
    <message>
        <source>Seconds left</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailView</name>
    <message>
        <source>Repeat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}, round {i} of {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>each side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>left side only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>right side only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lower</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>raise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strongest-squeeze test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} sets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 rep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} reps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{t} hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{t} each</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{t} ({phases})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rest and breathe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read and get ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 effort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} efforts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>← Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pain right now (0–10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 = no pain, 10 = worst pain imaginable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pain right now, 0 to 10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 means no pain, 10 the worst pain you can imagine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the routine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a number, then Start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How to do each exercise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>References</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total time {t}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Once a week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} times a week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you need</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No equipment needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Equipment: {items}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Equipment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before you start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move within what feels comfortable, and stop if something feels wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safety notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starts at {t}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pain now: {n} of 10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please choose your pain right now first (0–10).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message>
        <source>under 1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about {n} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{m} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{m} min {s} s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EducationView</name>
    <message>
        <source>← Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Understand your glutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your glutes are the three muscles of your buttock: gluteus maximus, the big one that straightens your hip when you stand up, climb stairs or push off; and gluteus medius and minimus at the side of the hip, which keep your pelvis level when you stand on one leg. Like every muscle, they respond to training at any age.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why glutes can feel as if they do not work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When people say their glutes “don’t work”, one or more of three things is usually going on. All three are common, and all three improve with targeted, progressive strengthening.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weakness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The muscle can produce less force than it needs to, for example after a period of less activity, an injury or an operation. Strength comes back when the muscle is asked to do a little more, regularly, over weeks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Altered motor control</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The brain has got used to sharing the work differently, leaning more on the hamstrings or the lower back when the hip straightens. The glutes are still active, just used in a different order or amount. Practising slow, deliberate movements, with your attention on the glutes, teaches a new habit; studies of lying face-down hip extension show such patterns differ between people (Lewis &amp; Sahrmann 2009).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inhibition by pain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pain or swelling around a joint can reduce how strongly a nearby muscle contracts for a while. This is the nervous system being careful, not a fault. As pain settles and you keep moving within comfortable limits, the muscle can contract more strongly again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Common myths, and what the evidence says</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“My glutes are switched off, asleep, or have ‘amnesia’.”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Glutes do not switch off, fall asleep or forget how to work. Studies measuring muscle activity (EMG) find the gluteal muscles active in everyday movements and in common exercises (Distefano et al. 2009; Reiman, Bolgla &amp; Loudon 2012). What feels like “not working” is weakness, a movement habit or pain, and each of these is trainable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“If I don’t feel it burn, it isn’t working.”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How much you feel a muscle varies from person to person and from day to day. A sensor often shows the glutes working well even when you feel very little. Good form and steady progress matter far more than a burning feeling.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“More is always better.”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Muscles get stronger while they recover between sessions. A few focused sessions a week, made a little harder over time, beats doing as much as possible every day. Follow the routine’s suggested frequency, or your clinician’s advice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“Any discomfort means I’m doing harm.”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mild discomfort, muscle effort or a gentle stretch is normal and expected when you train. A useful guide: if your pain rises by less than 2 points (on a 0 to 10 scale) and is back to your usual level by the next morning, the amount is about right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“Only special glute exercises work the glutes.”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bridges, side bridges, step-ups, squats and lunges all work the glutes substantially, and some exercises favour the glutes over the muscles around them (Distefano et al. 2009; Selkowitz, Beneck &amp; Powers 2013; Boren et al. 2011). The best exercise is one you can do well and keep doing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why we lengthen the hip flexors before the squeeze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hip flexors at the front of the hip bend the hip; gluteus maximus at the back straightens it, so the two work as opposites (Neumann 2010). After long hours of sitting, the front of the hip often feels tight and the hip does not straighten fully.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gently lengthening the front of the hip first lets the hip straighten more comfortably. Many people then find it easier to feel the glutes and to squeeze them fully, which is why several routines start with a hip flexor stretch before the glute squeezes and bridges.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Half-kneeling hip flexor stretch: the front of the back hip lengthens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How progress usually goes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start at a level that feels manageable. When the current routine feels comfortable for a week or two, make one thing a little harder: a few more reps, a longer hold, or the next exercise in a progression. Many people notice easier stairs and steadier walking within a few weeks; strength keeps building for months.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When to see a clinician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exercise suits most people, and a physiotherapist or doctor can tailor it to you. Check in with one if:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you feel sharp pain, or pain that keeps getting worse during or after exercise;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your pain rises by 2 or more points during a session, or is not back to your usual level by the next morning;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pain wakes you at night, or you feel generally unwell with it;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you notice new numbness, tingling or weakness in a leg;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the pain started after a fall or accident;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you are not sure which exercises suit you, or nothing has changed after a few weeks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact a doctor straight away if you notice numbness around the groin or buttocks, or changes in bladder or bowel control.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>References</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Myth: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the evidence says: {text}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FinishView</name>
    <message>
        <source>Session summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pain now (0–10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pain now, 0 to 10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 = no pain, 10 = worst pain imaginable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effort (0–10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effort, 0 to 10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effort {n} out of 10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 = rest, 5 = hard, 10 = the hardest you could do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anything to remember: what felt easy or hard, where you felt it…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep this summary on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done, back to the routines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This session is not saved yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save and finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish without saving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Well done — routine complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{done} of {total} steps done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pain before: not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pain before: {n} out of 10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed since saving: press Save again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Level</name>
    <message>
        <source>Beginner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intermediate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LibraryView</name>
    <message>
        <source>Your routines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Understand your glutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the page that explains how glutes work and how training helps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All levels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open routine file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a routine file (.json) to add to the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tip: drag a routine file (.json) onto this window to add it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show why some routine files in your folder could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No routines match these filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all routines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This routine was not added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open routine file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routine files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routines that could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No routines yet. Open a routine file to add one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 routine could not be read (details)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} routines could not be read (details)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Glute Coach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your settings could not be saved: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start this routine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sound in this routine cannot be played:
{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Glute Coach routine is running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the routine?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A routine is running. Stop it and quit?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PainScale</name>
    <message>
        <source>Pain {n} out of 10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pain right now, 0 to 10</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlayerView</name>
    <message>
        <source>Session player</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set and repetition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instruction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routine progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left arrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right arrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop this session? What you have done so far is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep going (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep going</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop session (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcut: {key}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{action} ({key})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GET READY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WORK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HOLD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SWITCH SIDES</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>INFO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CALIBRATE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LOWER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RAISE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PAUSE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LEFT SIDE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RIGHT SIDE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effort {n} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold {n} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rep {n} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} sets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 rep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} reps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set {n} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{counter} done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch sides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routine complete. Well done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Squeeze as hard as you can</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next up: finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next up: {name} ({time})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch to the left side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch to the right side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next up: {what} ({time})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resuming — get ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Start or Space to begin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused — Space resumes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{time} left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{percent}% done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoutineCard</name>
    <message>
        <source>None needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Equipment: {items}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags: {tags}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title}, {level}, {length}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{summary} Equipment: {equipment}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Enter to open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message>
        <source>Calibration: {muscles}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <source>← Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return to the previous page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore &amp;defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set every option back to how Glute Coach first started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where sound plays. System default follows your computer&apos;s setting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Output device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Voice volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voice volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Beep volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beep volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Feedback volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>M&amp;usic volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Music volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 to 100 percent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mute all sound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mute all sound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silence voice, beeps, feedback and music</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> beeps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many beeps count down the last seconds of a phase, 0 to 10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Countdown beeps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Countdown beeps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use one beep &amp;sound for every phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use one beep sound for every phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When off, each phase has its own beep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;peak cues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speak cues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When off, beeps stand in for spoken prompts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voice &amp;language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voice language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Te&amp;xt size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>75 to 200 percent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Flash the screen on each cue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flash the screen on each cue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A brief flash helps when you cannot hear the cues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takes effect the next time Glute Coach starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Interface language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new interface language takes effect when Glute Coach restarts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (not connected)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Source</name>
    <message>
        <source>Built in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your routine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SvgImage</name>
    <message>
        <source>No illustration available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{alt} (no illustration available)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Illustration</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>Settings reset</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
