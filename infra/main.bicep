// Puente on Azure: App Service (Linux, Node 24 LTS), a user-assigned managed identity,
// the Azure Bot with its Teams and SMS (Twilio) channels, Cosmos DB, Key Vault and
// Application Insights. Deployed into an existing resource group with `azd up`
// (docs/deploy.md); every value below comes from infra/main.parameters.json.
targetScope = 'resourceGroup'

@minLength(1)
@maxLength(20)
@description('azd environment name; resource names derive from it.')
param environmentName string

@description('Region for everything but the bot registration (which is global).')
param location string = resourceGroup().location

@allowed(['UserAssignedMSI', 'SingleTenant'])
@description('Bot identity: the managed identity below (no secret to manage) or an Entra app registration with a client secret.')
param botAppType string = 'UserAssignedMSI'

@description('SingleTenant only: the app registration\'s application (client) id.')
param botAppId string = ''

@secure()
@description('SingleTenant only: the app registration\'s client secret (stored in Key Vault).')
param botAppPassword string = ''

@description('Twilio number in E.164 (+15551234567); empty = no SMS channel yet.')
param twilioPhoneNumber string = ''

@description('Twilio account SID.')
param twilioAccountSid string = ''

@secure()
@description('Twilio auth token (stored in Key Vault and given to the Bot Service SMS channel).')
param twilioAuthToken string = ''

@description('Cosmos DB serverless (pay per request; suits a program of a few hundred participants).')
param cosmosServerless bool = true

@description('Give the app the Cosmos account key from Key Vault instead of its managed identity (identity is the default; the key also allows `npm run db:init`).')
param useCosmosKey bool = false

@description('App Service plan SKU (B1 for a pilot; P0v3 or above for production).')
param appServiceSku string = 'B1'

@description('IANA time zone of the program.')
param programTimeZone string = 'America/New_York'

@allowed(['en', 'es'])
param defaultLocale string = 'en'

@description('Clinic phone number given in the HELP reply.')
param clinicPhone string = ''

@description('Staff Teams channel for alerts (conversation id and service URL from the staff app; see docs/deploy.md).')
param staffTeamsConversationId string = ''
param staffTeamsServiceUrl string = ''

@description('Staff sign-in with Microsoft Entra ID: issuer URL and client id (empty = local passwords only).')
param staffOidcIssuer string = ''
param staffOidcClientId string = ''

@secure()
@description('Client secret of the staff sign-in app registration (stored in Key Vault).')
param staffOidcClientSecret string = ''

var token = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName))
var names = {
  identity: 'id-puente-${token}'
  keyVault: 'kv-puente-${take(token, 12)}'
  cosmos: 'cosmos-puente-${token}'
  plan: 'plan-puente-${token}'
  site: 'app-puente-${token}'
  bot: 'bot-puente-${token}'
  logs: 'log-puente-${token}'
  insights: 'appi-puente-${token}'
}
var tags = { 'azd-env-name': environmentName, app: 'puente' }

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: names.identity
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: { location: location, tags: tags, logAnalyticsName: names.logs, appInsightsName: names.insights }
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  params: {
    location: location
    tags: tags
    accountName: names.cosmos
    serverless: cosmosServerless
    allowKeys: useCosmosKey
    dataPrincipalId: identity.properties.principalId
  }
}

module vault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    location: location
    tags: tags
    vaultName: names.keyVault
    readerPrincipalId: identity.properties.principalId
    cosmosAccountName: cosmos.outputs.accountName
    storeCosmosKey: useCosmosKey
    botAppPassword: botAppType == 'SingleTenant' ? botAppPassword : ''
    twilioAuthToken: twilioAuthToken
    staffOidcClientSecret: staffOidcClientSecret
  }
}

var microsoftAppId = botAppType == 'UserAssignedMSI' ? identity.properties.clientId : botAppId
var publicBaseUrl = 'https://${names.site}.azurewebsites.net'

module app 'modules/app.bicep' = {
  name: 'app'
  params: {
    location: location
    tags: tags
    planName: names.plan
    siteName: names.site
    sku: appServiceSku
    identityId: identity.id
    identityClientId: identity.properties.clientId
    logAnalyticsId: monitoring.outputs.logAnalyticsId
    appInsightsConnectionString: monitoring.outputs.appInsightsConnectionString
    cosmosEndpoint: cosmos.outputs.endpoint
    cosmosDatabase: cosmos.outputs.databaseName
    cosmosKeySecretUri: vault.outputs.cosmosKeySecretUri
    microsoftAppId: microsoftAppId
    microsoftAppType: botAppType
    microsoftAppPasswordSecretUri: vault.outputs.botAppPasswordSecretUri
    publicBaseUrl: publicBaseUrl
    programTimeZone: programTimeZone
    defaultLocale: defaultLocale
    clinicPhone: clinicPhone
    staffTeamsConversationId: staffTeamsConversationId
    staffTeamsServiceUrl: staffTeamsServiceUrl
    staffOidcIssuer: staffOidcIssuer
    staffOidcClientId: staffOidcClientId
    staffOidcClientSecretUri: vault.outputs.staffOidcClientSecretUri
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    tags: tags
    botName: names.bot
    endpoint: '${publicBaseUrl}/api/messages'
    appType: botAppType
    appId: microsoftAppId
    identityId: identity.id
    twilioPhoneNumber: twilioPhoneNumber
    twilioAccountSid: twilioAccountSid
    twilioAuthToken: twilioAuthToken
  }
}

// azd stores these in the environment (`azd env get-values`); `npm run teams:package` reads the first two.
output MicrosoftAppId string = microsoftAppId
output PUBLIC_BASE_URL string = publicBaseUrl
output AZURE_KEY_VAULT_NAME string = names.keyVault
output COSMOS_ENDPOINT string = cosmos.outputs.endpoint
output BOT_NAME string = bot.outputs.botName
output APP_SERVICE_NAME string = names.site
