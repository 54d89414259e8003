// The Azure Bot registration and its channels: Microsoft Teams always, SMS (Twilio) once a number is given.
param tags object
param botName string
param endpoint string
@allowed(['UserAssignedMSI', 'SingleTenant'])
param appType string
param appId string
param identityId string
param twilioPhoneNumber string
param twilioAccountSid string
@secure()
param twilioAuthToken string

@allowed(['F0', 'S1'])
@description('F0 covers the standard channels (Teams, SMS) without message limits.')
param sku string = 'F0'

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: { name: sku }
  properties: {
    displayName: 'Puente'
    endpoint: endpoint
    msaAppId: appId
    msaAppType: appType
    msaAppTenantId: tenant().tenantId
    msaAppMSIResourceId: appType == 'UserAssignedMSI' ? identityId : null
    disableLocalAuth: false
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: { isEnabled: true }
  }
}

resource sms 'Microsoft.BotService/botServices/channels@2022-09-15' = if (!empty(twilioPhoneNumber)) {
  parent: bot
  name: 'SmsChannel'
  location: 'global'
  properties: {
    channelName: 'SmsChannel'
    properties: {
      phone: twilioPhoneNumber
      accountSID: twilioAccountSid
      authToken: twilioAuthToken
      isEnabled: true
      isValidated: false
    }
  }
}

output botName string = bot.name
