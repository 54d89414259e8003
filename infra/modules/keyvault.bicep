// Key Vault for every secret the deployment holds. App Service reads them through
// Key Vault references (versionless secret URIs: a new secret version is picked up
// on restart or within 24 hours); the app's identity may only read secrets.
param location string
param tags object
param vaultName string
param readerPrincipalId string
param cosmosAccountName string
param storeCosmosKey bool
@secure()
param botAppPassword string
@secure()
param twilioAuthToken string
@secure()
param staffOidcClientSecret string

// Built-in "Key Vault Secrets User".
var secretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: vaultName
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, readerPrincipalId, secretsUserRoleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUserRoleId)
    principalId: readerPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource cosmosAccount 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' existing = {
  name: cosmosAccountName
}

resource cosmosKey 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (storeCosmosKey) {
  parent: vault
  name: 'cosmos-key'
  properties: { value: cosmosAccount.listKeys().primaryMasterKey }
}

resource appPassword 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(botAppPassword)) {
  parent: vault
  name: 'microsoft-app-password'
  properties: { value: botAppPassword }
}

resource twilioToken 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(twilioAuthToken)) {
  parent: vault
  name: 'twilio-auth-token'
  properties: { value: twilioAuthToken }
}

resource oidcSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(staffOidcClientSecret)) {
  parent: vault
  name: 'staff-oidc-client-secret'
  properties: { value: staffOidcClientSecret }
}

// Empty when the secret is not stored: the app setting is then empty, i.e. unset.
output cosmosKeySecretUri string = storeCosmosKey ? cosmosKey.properties.secretUri : ''
output botAppPasswordSecretUri string = !empty(botAppPassword) ? appPassword.properties.secretUri : ''
output staffOidcClientSecretUri string = !empty(staffOidcClientSecret) ? oidcSecret.properties.secretUri : ''
