import { ComponentDialog, DialogTurnResult, WaterfallDialog } from 'botbuilder-dialogs';
import { renderProgress } from '../bot/progress/render';
import { DialogServices } from '../bot/services';
import { turnFacts } from '../bot/turn/turnFacts';
import { currentProfile } from './participantUpdate';
import { Step, typedSteps } from './steps';

export const PROGRESS_DIALOG = 'progress';

const FLOW = 'progress.flow';

/** "How am I doing": the participant's own short summary (bot/progress), one message, then back to the menu's next word. */
export class ProgressDialog extends ComponentDialog {
  constructor(private readonly services: DialogServices) {
    super(PROGRESS_DIALOG);
    this.addDialog(new WaterfallDialog(FLOW, typedSteps((s) => this.show(s))));
    this.initialDialogId = FLOW;
  }

  private async show(step: Step): Promise<DialogTurnResult> {
    const profile = currentProfile(step.context);
    const summary = await this.services.progress.of({ id: profile.participantId, timeZone: profile.timeZone }, this.services.clock(), {
      showSurveyBand: this.services.config.progress.showSurveyBand,
    });
    await step.context.sendActivity(renderProgress(summary, step.context.activity.channelId, turnFacts(step.context).t));
    return step.endDialog();
  }
}
