/** Bundle boundary: the supervision outputs (通报, 催办单, 领导清单), loaded with import() on first use. */
export { decideHostRound, startHostRound, readHostMaster, readHostRound, reportBulletin, reportLeaders, reportReminders, roundStatus } from '../../core';
