// Entry point of every dashboard page: runs the page's script (body[data-page]).
import { formatTime } from './common.js';
import { auditPage } from './audit.js';
import { flagPage } from './flag.js';
import { lessonsPage } from './lessons.js';
import { participantPage } from './participant.js';
import { participantsPage } from './participants.js';
import { queuePage } from './queue.js';
import { reportsPage } from './reports.js';

const pages = { queue: queuePage, flag: flagPage, participants: participantsPage, participant: participantPage, audit: auditPage, reports: reportsPage, lessons: lessonsPage };

for (const node of document.querySelectorAll('.local-time[data-time]')) node.textContent = formatTime(node.dataset.time);

const run = pages[document.body.dataset.page];
if (run) run();
